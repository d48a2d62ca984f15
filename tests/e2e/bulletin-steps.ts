/**
 * An editor's steps on a bulletin, through the screen alone: write it, voice it with the built-in
 * voice, edit its audio (cut, normalise to −16 LUFS), record its audio with the microphone, submit
 * and approve it. Shared by the bulletin-audio and editor's-day tests.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { recordFor } from './recorder-helpers.ts';

const goto = (page: Page, hostUrl: string, hash: string) => page.goto(`${hostUrl}${hash}`);
export const audioOrigin = (page: Page) => page.getByTestId('bulletin-audio').getAttribute('data-origin');

/** Writes and saves a new bulletin; returns its id (from the address the screen moves to). */
export async function writeBulletin(page: Page, hostUrl: string, title: string, script: string): Promise<number> {
  await goto(page, hostUrl, '#/bulletins/new');
  await page.getByTestId('bulletin-title').fill(title);
  await page.getByTestId('bulletin-script').fill(script);
  await page.getByTestId('save-bulletin').click();
  await page.waitForURL(/#\/bulletins\/\d+$/, { timeout: 30_000 });
  return Number(/(\d+)$/.exec(page.url())![1]);
}

/** Voices the bulletin's script with the built-in voice, from its "Tạo giọng đọc" button. */
export async function voiceBulletin(page: Page, hostUrl: string, id: number): Promise<void> {
  await goto(page, hostUrl, `#/bulletins/${id}`);
  await page.getByTestId('bulletin-to-tts').click();
  await page.waitForURL(new RegExp(`#/tts/${id}$`));
  await page.getByTestId('tts-generate').click();
  await page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 180_000 });
}

/** Opens the bulletin's audio in the editor, cuts 0.2–0.7 s and normalises to −16 LUFS (loudspeakers). */
export async function cutAndNormalise(page: Page, hostUrl: string, id: number): Promise<void> {
  await goto(page, hostUrl, `#/bulletins/${id}`);
  await expect.poll(() => audioOrigin(page), { timeout: 30_000 }).toBe('tts');
  await page.getByTestId('bulletin-to-editor').click();
  await page.waitForURL(/#\/editor\/\d+$/);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="edit-status"]')?.getAttribute('data-duration')) > 0, null, { timeout: 60_000 });
  // The waveform has drawn (a selection made before it loads would be cleared by the load).
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor({ timeout: 60_000 });
  const before = Number(await page.getByTestId('edit-status').getAttribute('data-duration'));
  await page.getByTestId('selection-start').fill('0.2');
  await page.getByTestId('selection-end').fill('0.7');
  await page.getByTestId('selection-end').press('Enter');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="selection"]')?.getAttribute('data-end')) === 0.7);
  await page.getByTestId('op-cut').click();
  await page.waitForFunction((d) => Math.abs(Number(document.querySelector('[data-testid="edit-status"]')?.getAttribute('data-duration')) - d) < 0.001, before - 0.5, { timeout: 30_000 });
  await page.getByTestId('normalize-preset').selectOption('outdoor');
  await page.getByTestId('normalize').click();
  await page.getByTestId('normalized-note').or(page.getByRole('alert')).first().waitFor({ timeout: 120_000 });
  expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  await expect.poll(async () => (await page.getByTestId('loudness-integrated').textContent()) ?? '', { timeout: 60_000 }).toMatch(/^[−-]16[,.]\d LUFS$/);
}

/**
 * Records at least `seconds` from the (fake) microphone as the bulletin's audio, from its "Ghi âm"
 * button; `shot` names a screenshot of the recorder while it records.
 */
export async function recordBulletinAudio(page: Page, hostUrl: string, id: number, seconds: number, shot?: (page: Page) => Promise<void>): Promise<void> {
  await goto(page, hostUrl, `#/bulletins/${id}`);
  await page.getByTestId('bulletin-to-recorder').click();
  await page.waitForURL(new RegExp(`#/recorder/${id}$`));
  await expect.poll(() => page.getByTestId('record-for-bulletin').inputValue()).toBe(String(id));
  await recordFor(page, seconds);
  await shot?.(page);
  await page.getByTestId('record-stop').click();
  await page.getByTestId('take-saved').waitFor({ timeout: 60_000 });
  await page.getByTestId('open-bulletin').click();
  await expect.poll(() => audioOrigin(page), { timeout: 30_000 }).toBe('recording');
  expect(await page.getByRole('alert').allTextContents()).toEqual([]);
}

/** Submits the bulletin and approves it as `approver`, from its page. */
export async function submitAndApprove(page: Page, hostUrl: string, id: number, approver: string): Promise<void> {
  await goto(page, hostUrl, `#/bulletins/${id}`);
  await page.getByTestId('submit-bulletin').click();
  await page.getByTestId('approver-name').fill(approver);
  await page.getByTestId('approve-bulletin').click();
  await expect.poll(() => page.locator('.badge-status-approved').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}
