/// <reference lib="dom" />
// (Parts of this helper run in the page; it is also compiled with the Node-only project.)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser-host.ts';

/**
 * A speech-like test signal for Chromium's fake microphone: 0.6 s bursts of pink noise and a
 * 220 Hz tone, separated by 0.3 s pauses, 48 kHz mono. Made with sox at test time.
 */
export function makeFakeMicFile(dir: string): string {
  const file = path.join(dir, 'fake-mic.wav');
  execFileSync('sox', [
    '-n', '-r', '48000', '-c', '1', '-b', '16', file,
    'synth', '12', 'pinknoise', 'synth', '12', 'sine', 'amod', '1.1', '100',
    'gain', '-12',
  ]);
  return file;
}

export function launchWithFakeMic(micFile: string): Promise<Browser> {
  return launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${micFile}`,
    '--autoplay-policy=no-user-gesture-required',
  ]);
}

export async function openScreen(page: Page, hostUrl: string, hash: string): Promise<void> {
  await page.goto(hostUrl);
  await page.evaluate((h) => (location.hash = h), hash);
}

/** Records from the fake microphone until at least `seconds` are saved on disk; returns what was saved. */
export async function recordFor(page: Page, seconds: number): Promise<number> {
  await page.getByTestId('record-start').waitFor();
  await page.waitForFunction(() => !(document.querySelector('[data-testid="record-start"]') as HTMLButtonElement).disabled, null, { timeout: 20_000 });
  await page.getByTestId('record-start').click();
  await page.waitForFunction(
    (s) => Number(document.querySelector('[data-testid="record-clock"]')?.getAttribute('data-seconds')) >= s,
    seconds,
    { timeout: (seconds + 20) * 1000 },
  );
  return Number(await page.getByTestId('record-clock').getAttribute('data-seconds'));
}

export function ffprobeDuration(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim());
}

/** Integrated loudness (LUFS) and true peak (dBTP) as ffmpeg's ebur128 filter measures them. */
export function ffmpegLoudness(file: string): { integrated: number; truePeak: number } {
  const out = execFileSync('sh', ['-c', 'ffmpeg -nostats -i "$1" -af ebur128=peak=true -f null - 2>&1', 'sh', file], { encoding: 'utf8' });
  const summary = out.slice(out.lastIndexOf('Summary:'));
  const integrated = /I:\s+(-?[\d.]+) LUFS/.exec(summary);
  const peak = /Peak:\s+(-?[\d.]+) dBFS/.exec(summary);
  if (!integrated || !peak) throw new Error(`no ebur128 summary:\n${out.slice(-800)}`);
  return { integrated: Number(integrated[1]), truePeak: Number(peak[1]) };
}
