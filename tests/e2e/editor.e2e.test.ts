import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../helpers/browser-host.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ffmpegLoudness, ffprobeDuration, launchWithFakeMic, makeFakeMicFile, openScreen, recordFor } from './recorder-helpers.ts';
import { chooseFolder } from '../helpers/pickers.ts';

const docDuration = async (page: Page) => Number(await page.getByTestId('edit-status').getAttribute('data-duration'));

/** Waits until the document's length (as the main process answered it) is `seconds` ± 1 ms. */
const waitForDuration = (page: Page, seconds: number) =>
  page.waitForFunction(
    (s) => Math.abs(Number(document.querySelector('[data-testid="edit-status"]')?.getAttribute('data-duration')) - s) < 0.001,
    seconds,
    { timeout: 30_000 },
  );

/** The waveform has drawn the current state (peaks and preview loaded). */
const waitForWaveform = async (page: Page) => {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="waveform"]')?.getAttribute('data-ready') === 'true' || !!document.querySelector('[role="alert"]'),
    null,
    { timeout: 60_000 },
  );
  expect(await page.getByRole('alert').allTextContents()).toEqual([]);
};

describe('editor in Chromium: record, edit, normalise, export', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let host: RunningHost | null = null;
  let browser: Browser | null = null;
  afterEach(async () => {
    await browser?.close();
    await host?.stop();
    temp?.remove();
    browser = host = temp = null;
  });

  it('records 5 s, deletes the middle second, undoes and redoes, normalises to −23 LUFS and exports an MP3', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'data');
    const outDir = path.join(temp.dir, 'out');
    fs.mkdirSync(outDir);
    host = await startHost(dataDir);
    browser = await launchWithFakeMic(makeFakeMicFile(temp.dir));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openScreen(page, host.url, '#/recorder');

    await recordFor(page, 5);
    await page.getByTestId('record-stop').click();
    await page.getByTestId('open-in-editor').click();
    await page.getByTestId('edit-status').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="edit-status"]')?.getAttribute('data-duration')) > 0);
    await waitForWaveform(page);
    const recorded = await docDuration(page);
    expect(recorded).toBeGreaterThanOrEqual(5);

    // Select the middle second to the millisecond, then Delete (the keyboard shortcut).
    const start = Math.round((recorded / 2 - 0.5) * 1000) / 1000;
    await page.getByTestId('selection-start').fill(String(start));
    await page.getByTestId('selection-end').fill(String(start + 1));
    await page.getByTestId('selection-end').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="selection"]')?.getAttribute('data-end') !== '');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Delete');
    await waitForDuration(page, recorded - 1);

    await page.keyboard.press('Control+z');
    await waitForDuration(page, recorded);
    await page.keyboard.press('Control+Shift+z');
    await waitForDuration(page, recorded - 1);
    await page.keyboard.press('Control+z');
    await waitForDuration(page, recorded);
    await page.keyboard.press('Control+y');
    await waitForDuration(page, recorded - 1);
    await waitForWaveform(page);

    // Space plays the selection from the rendered preview (served with Range) and stops at its end.
    // Typed with the Vietnamese comma decimal, shown back the same way.
    await page.getByTestId('selection-start').fill('0,5');
    await page.getByTestId('selection-end').fill('1,5');
    await page.getByTestId('selection-end').press('Enter');
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-end')).toBe('1.5');
    expect(await page.getByTestId('selection').getAttribute('data-start')).toBe('0.5');
    expect(await page.getByTestId('selection-start').inputValue()).toBe('0,500');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    await page.waitForSelector('[data-testid="play"][data-playing="true"]');
    await page.waitForSelector('[data-testid="play"][data-playing="false"]', { timeout: 15_000 });

    // Levels typed with a comma decimal and a true minus (or a point and a hyphen) read the same.
    await page.getByTestId('normalize-preset').selectOption('custom');
    await page.getByTestId('normalize-target').fill('−16,5');
    await page.getByTestId('normalize-ceiling').fill('-1.5');
    await page.getByTestId('normalize-ceiling').press('Enter');
    await expect.poll(() => page.getByTestId('normalize').textContent()).toBe('Chuẩn hóa về −16,5 LUFS, đỉnh ≤ −1,5 dBTP');
    expect(await page.getByTestId('normalize-ceiling').inputValue()).toBe('−1,5');
    await page.getByTestId('normalize-target').fill('abc');
    await page.getByTestId('normalize-target').press('Enter');
    expect(await page.getByTestId('normalize-target').inputValue()).toBe('−16,5');
    await page.getByTestId('normalize-preset').selectOption('broadcast');
    await page.getByTestId('normalize').click();
    await page.getByTestId('normalized-note').or(page.getByRole('alert')).first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await expect.poll(async () => (await page.getByTestId('loudness-integrated').textContent()) ?? '', { timeout: 60_000 }).toMatch(/LUFS/);

    await page.getByTestId('export-format').selectOption('mp3');
    // 192 kbit/s CBR: at 128 kbit/s the encoder alone takes about 0.5 LU off full-band material.
    await page.getByTestId('export-bitrate').selectOption('192');
    await chooseFolder(page, 'export-folder', outDir);
    await page.getByTestId('export-name').fill('ban-tin');
    await page.getByTestId('export').click();
    // Whichever comes first: the export's result, or an error shown to the user (reported as is).
    await page.getByTestId('export-done').or(page.getByRole('alert')).first().waitFor({ timeout: 120_000 });
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);

    const mp3 = path.join(outDir, 'ban-tin.mp3');
    expect(fs.existsSync(mp3)).toBe(true);
    expect(Math.abs(ffprobeDuration(mp3) - (recorded - 1))).toBeLessThanOrEqual(0.05);
    expect(Math.abs(ffmpegLoudness(mp3).integrated - -23)).toBeLessThanOrEqual(0.5);
  }, 240_000);

  it('cuts, pastes, inserts silence, trims, fades, changes gain and sets a marker from the toolbar; history survives a restart', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'data');
    host = await startHost(dataDir);
    browser = await launchWithFakeMic(makeFakeMicFile(temp.dir));
    let page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openScreen(page, host.url, '#/recorder');
    await recordFor(page, 3);
    await page.getByTestId('record-stop').click();
    await page.getByTestId('open-in-editor').click();
    await page.getByTestId('edit-status').waitFor();
    await waitForWaveform(page);
    const recorded = await docDuration(page);
    const editorHash = await page.evaluate(() => location.hash);

    const select = async (start: number, end: number) => {
      await page.getByTestId('selection-start').fill(String(start));
      await page.getByTestId('selection-end').fill(String(end));
      await page.getByTestId('selection-end').press('Enter');
      await page.waitForFunction((e) => Number(document.querySelector('[data-testid="selection"]')?.getAttribute('data-end')) === e, end);
    };
    const ops = async () => Number(await page.getByTestId('edit-status').getAttribute('data-ops'));
    const step = async (action: () => Promise<void>, expectedDuration: number) => {
      const before = await ops();
      // The shared jobs panel slides over the right of the screen when a job fails; close it,
      // as a user would, before reaching for the toolbar.
      if (await page.locator('[data-testid="jobs-panel"].open').count()) {
        await page.locator('[data-testid="jobs-panel"] header button').click();
      }
      await action();
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="edit-status"]')?.getAttribute('data-ops')) > n, before, { timeout: 30_000 });
      await waitForDuration(page, expectedDuration);
      await waitForWaveform(page);
    };

    await select(1, 1.5);
    await step(() => page.getByTestId('op-cut').click(), recorded - 0.5);
    // Paste at the cursor (the start, after a click on the waveform's left edge).
    await page.getByTestId('waveform').click({ position: { x: 1, y: 90 } });
    await step(() => page.getByTestId('op-paste').click(), recorded);
    await step(() => page.getByTestId('op-silence').click(), recorded + 1);
    await select(0, 0.3);
    await step(() => page.getByTestId('op-fade-in').click(), recorded + 1);
    await select(0.3, 0.8);
    await step(() => page.getByTestId('op-gain').click(), recorded + 1);
    await select(2, 2.4);
    await step(() => page.getByTestId('op-fade-out').click(), recorded + 1);
    await page.getByTestId('marker-name').fill('Tin thời tiết');
    await step(() => page.getByTestId('op-marker').click(), recorded + 1);
    await expect.poll(() => page.getByTestId('markers').textContent()).toContain('Tin thời tiết');
    await select(0.25, 2.75);
    await step(() => page.getByTestId('op-trim').click(), 2.5);

    // The edit list lives in the database: a restarted studio shows the same edit, still undoable.
    const edits = await ops();
    await page.close();
    await host.stop();
    host = await startHost(dataDir);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openScreen(page, host.url, editorHash);
    await page.getByTestId('edit-status').waitFor();
    await waitForDuration(page, 2.5);
    expect(await ops()).toBe(edits);
    await page.getByTestId('undo').click();
    await waitForDuration(page, recorded + 1);
    await expect.poll(() => page.getByTestId('markers').textContent()).toContain('Tin thời tiết');
  }, 240_000);
});
