import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, type RunningHost } from '../helpers/browser-host.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ffmpegLoudness, ffprobeDuration, launchWithFakeMic, makeFakeMicFile, openScreen, recordFor } from './recorder-helpers.ts';

const wavsIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.wav')) : []);

describe('recorder in Chromium with a fake microphone', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let host: RunningHost | null = null;
  let browser: Browser | null = null;
  afterEach(async () => {
    await browser?.close();
    await host?.stop();
    temp?.remove();
    browser = host = temp = null;
  });

  it('records through the AudioWorklet, meters the level, and saves the take as a library asset', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'data');
    host = await startHost(dataDir);
    browser = await launchWithFakeMic(makeFakeMicFile(temp.dir));
    const page = await browser.newPage();
    await openScreen(page, host.url, '#/recorder');

    const saved = await recordFor(page, 3);
    // The meters follow the microphone: finite readings while the signal plays.
    await page.waitForFunction(() => /^[-−]?\d/.test(document.querySelector('[data-testid="momentary-lufs"]')?.textContent ?? ''));
    const take = wavsIn(path.join(dataDir, 'recordings'));
    expect(take).toHaveLength(1);
    // Written as it arrives: the growing file already holds what the screen was told is saved.
    const growing = fs.readFileSync(path.join(dataDir, 'recordings', take[0]!));
    const rate = growing.readUInt32LE(24); // the AudioContext's rate, whatever the device runs at
    expect(growing.length - 44).toBeGreaterThanOrEqual(Math.floor(saved * rate) * 2);

    await page.getByTestId('record-stop').click();
    await page.getByTestId('take-saved').waitFor({ timeout: 20_000 });
    const assets = wavsIn(path.join(dataDir, 'assets'));
    expect(assets).toHaveLength(1);
    const file = path.join(dataDir, 'assets', assets[0]!);
    const duration = ffprobeDuration(file);
    expect(duration).toBeGreaterThanOrEqual(saved);
    expect(duration).toBeLessThan(saved + 2);
    // It is the fake microphone's signal (about −25 LUFS), not silence.
    expect(ffmpegLoudness(file).integrated).toBeGreaterThan(-40);
  });

  it('recovers a take after the host is killed with SIGKILL 3 s into the recording', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'data');
    host = await startHost(dataDir);
    browser = await launchWithFakeMic(makeFakeMicFile(temp.dir));
    let page = await browser.newPage();
    await openScreen(page, host.url, '#/recorder');
    await recordFor(page, 3);
    await host.kill();
    await page.close();

    host = await startHost(dataDir);
    page = await browser.newPage();
    await openScreen(page, host.url, '#/recorder');
    await page.getByTestId('recoverable-take').waitFor({ timeout: 20_000 });
    await page.getByTestId('recover-take').click();
    await page.waitForFunction(() => location.hash.startsWith('#/editor/'));
    // The recovered take opens in the editor like any other: waveform drawn, preview ready to play.
    await page.waitForFunction(() => document.querySelector('[data-testid="waveform"]')?.getAttribute('data-ready') === 'true', null, {
      timeout: 60_000,
    });
    expect(Number(await page.getByTestId('edit-status').getAttribute('data-duration'))).toBeGreaterThanOrEqual(2);
    const assets = wavsIn(path.join(dataDir, 'assets'));
    expect(assets).toHaveLength(1);
    const file = path.join(dataDir, 'assets', assets[0]!);
    // "Plays": ffmpeg decodes the repaired file end to end, at least 2 s of the microphone's signal.
    expect(ffprobeDuration(file)).toBeGreaterThanOrEqual(2);
    expect(ffmpegLoudness(file).integrated).toBeGreaterThan(-40);
  });

  it('without a microphone says so in Vietnamese, offers a retry, and records nothing', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'data');
    host = await startHost(dataDir);
    browser = await launchBrowser(['--use-fake-ui-for-media-stream']); // permission granted, but no device
    const page = await browser.newPage();
    await openScreen(page, host.url, '#/recorder');
    await expect.poll(() => page.getByTestId('mic-error').textContent(), { timeout: 20_000 }).toContain('Không tìm thấy thiết bị thu âm');
    expect(await page.getByTestId('record-start').isDisabled()).toBe(true);
    await page.getByTestId('mic-retry').click();
    await expect.poll(() => page.getByTestId('mic-error').textContent(), { timeout: 20_000 }).toContain('Không tìm thấy thiết bị thu âm');
    expect(wavsIn(path.join(dataDir, 'recordings'))).toEqual([]);
  });
});
