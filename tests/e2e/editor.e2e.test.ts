import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../helpers/browser-host.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ffmpegLoudness, ffprobeDuration, launchWithFakeMic, makeFakeMicFile, openScreen, recordFor } from './recorder-helpers.ts';

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
    await page.getByTestId('selection-start').fill('0.5');
    await page.getByTestId('selection-end').fill('1.5');
    await page.getByTestId('selection-end').press('Enter');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    await page.waitForSelector('[data-testid="play"][data-playing="true"]');
    await page.waitForSelector('[data-testid="play"][data-playing="false"]', { timeout: 15_000 });

    await page.getByTestId('normalize-preset').selectOption('broadcast');
    await page.getByTestId('normalize').click();
    await page.getByTestId('normalized-note').or(page.getByRole('alert')).first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await expect.poll(async () => (await page.getByTestId('loudness-integrated').textContent()) ?? '', { timeout: 60_000 }).toMatch(/LUFS/);

    await page.getByTestId('export-format').selectOption('mp3');
    await page.getByTestId('export-folder').fill(outDir);
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
});
