/**
 * Issue 11, items 1 and 4 in Chromium against the browser-mode host: a jingle imported by upload
 * and a music bed by drag and drop land in the programme screen's jingle and bed lists, never a
 * bulletin's voice file; an unsupported file is refused in Vietnamese; the folder chooser served
 * by the host starts on the USB stick and lists it first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudio } from '../../src/main/studio.ts';
import { launchBrowser, startHost, type RunningHost } from '../helpers/browser-host.ts';
import { chooseFolder } from '../helpers/pickers.ts';
import { snap } from '../helpers/screenshots.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { importMusic, musicList } from './programme-steps.ts';
import { openScreen } from './recorder-helpers.ts';

const temp = makeTempDir('studio-pickers-e2e-');
const dataDir = path.join(temp.dir, 'data');
const home = path.join(temp.dir, 'home');
const media = path.join(temp.dir, 'media');
const stick = path.join(media, 'KINGSTON');
const at = (name: string) => path.join(temp.dir, name);
let host: RunningHost;
let browser: Browser;
let page: Page;
let programmeId = 0;
let bulletinId = 0;

const encode = (name: string, frequency: number, seconds: number, codec: string[]) =>
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}`, ...codec, at(name)]);
const pickList = () => musicList(page);

beforeAll(async () => {
  fs.mkdirSync(path.join(stick, 'Ban tin'), { recursive: true });
  fs.mkdirSync(path.join(home, 'Music'), { recursive: true });
  encode('nhac-hieu.mp3', 660, 3, ['-c:a', 'libmp3lame', '-b:a', '128k']);
  encode('nhac-nen.mp3', 220, 6, ['-c:a', 'libmp3lame', '-b:a', '128k']);
  encode('giong-doc.wav', 330, 2, ['-c:a', 'pcm_s16le']);
  fs.writeFileSync(at('ghi-chu.mp3'), 'Đây là ghi chú, không phải âm thanh.\n'.repeat(200));
  // A bulletin with its own voice file, and an empty programme, made through the services first.
  const studio = openStudio({ dataDir, transport: 'test' });
  try {
    const voice = await studio.services.jobs.result(studio.services.audio.import(at('giong-doc.wav'), 'Giọng đọc bản tin', 'tester'));
    bulletinId = studio.services.library.bulletins.create({ title: 'Tin phòng chống lũ', audioAssetId: voice.id }, 'tester').id;
    programmeId = studio.services.library.programmes.create('Chương trình sáng', '', 'tester').id;
  } finally {
    await studio.close();
  }
  host = await startHost(dataDir, { STUDIO_MEDIA_ROOTS: media, HOME: home });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  temp.remove();
});

describe('importing music and choosing folders in browser mode', () => {
  it('a jingle uploaded and a bed dropped show in the jingle and bed lists, never the bulletin voice file', { timeout: 180_000 }, async () => {
    await openScreen(page, host.url, `#/programmes/${programmeId}`);
    await importMusic(page, 'jingle', at('nhac-hieu.mp3'), 'upload');
    await expect.poll(pickList, { timeout: 30_000 }).toEqual(['nhac-hieu']);

    await page.getByTestId('audio-kind').selectOption('music_bed');
    await expect.poll(pickList, { timeout: 30_000 }).toEqual([]);
    await importMusic(page, 'music_bed', at('nhac-nen.mp3'), 'drop');
    await expect.poll(pickList, { timeout: 30_000 }).toEqual(['nhac-nen']);
    await snap(page, 'programme-music-library');

    await page.getByTestId('audio-kind').selectOption('jingle');
    await expect.poll(pickList, { timeout: 30_000 }).toEqual(['nhac-hieu']);
    // The uploads were staged, imported and released: nothing is left in the staging folder.
    await expect.poll(() => fs.readdirSync(path.join(dataDir, 'uploads')), { timeout: 30_000 }).toEqual([]);
  });

  it('an import shows its progress and cancel on the programme screen; cancelled, it imports nothing and says so', { timeout: 180_000 }, async () => {
    // Long enough that its import (decode, peaks, loudness) is still running when cancel is pressed.
    encode('nhac-nen-dai.mp3', 180, 1800, ['-ac', '1', '-c:a', 'libmp3lame', '-b:a', '16k']);
    await openScreen(page, host.url, `#/programmes/${programmeId}`);
    await page.getByTestId('audio-kind').selectOption('music_bed');
    await expect.poll(pickList, { timeout: 30_000 }).toEqual(['nhac-nen']);
    await page.getByTestId('import-music-input').setInputFiles(at('nhac-nen-dai.mp3'));
    const panel = page.getByTestId('import-music-panel');
    await panel.getByTestId('running-job').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('running-job').getAttribute('data-job-kind')).toBe('audio.import');
    await panel.getByTestId('job-cancel').click();
    await page.getByTestId('import-music-cancelled').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-music-cancelled').textContent()).toBe('Đã hủy theo yêu cầu của bạn.');
    expect(await panel.getByTestId('running-job').count()).toBe(0);
    expect(await page.getByTestId('import-music-done').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect.poll(pickList, { timeout: 30_000 }).toEqual(['nhac-nen']);
    await expect.poll(() => fs.readdirSync(path.join(dataDir, 'uploads')), { timeout: 30_000 }).toEqual([]);
  });

  it('an unsupported file is refused in Vietnamese, and nothing is imported', { timeout: 120_000 }, async () => {
    await page.getByTestId('audio-kind').selectOption('jingle');
    await page.getByTestId('import-music-input').setInputFiles(at('ghi-chu.mp3'));
    const alert = page.getByTestId('import-music-panel').getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Định dạng tệp không được hỗ trợ: không nhận ra định dạng âm thanh');
    await snap(page, 'programme-import-refused');
    await expect.poll(pickList).toEqual(['nhac-hieu']);
  });

  it('the folder chooser starts on the USB stick, lists it first, and the chosen folder is the destination', { timeout: 120_000 }, async () => {
    await openScreen(page, host.url, `#/bulletins/${bulletinId}`);
    await page.getByTestId('deliver-target').selectOption('package');
    // The stick is offered before the user looks for it.
    await page.getByTestId('deliver-folder-value').filter({ hasText: stick }).waitFor({ timeout: 30_000 });
    await page.getByTestId('deliver-folder').click();
    const chooser = page.getByTestId('folder-chooser');
    await chooser.getByTestId('folder-current').filter({ hasText: stick }).waitFor();
    const places = await chooser.getByTestId('folder-places').locator('button').allTextContents();
    expect(places.slice(0, 3)).toEqual(['USB: KINGSTON', 'Nhạc', 'Thư mục cá nhân']);
    await snap(page, 'folder-chooser');
    await chooser.locator('[data-folder="Ban tin"]').click();
    await chooser.getByTestId('folder-current').filter({ hasText: path.join(stick, 'Ban tin') }).waitFor();
    await chooser.getByTestId('folder-choose-here').click();
    await page.getByTestId('deliver-folder-value').filter({ hasText: path.join(stick, 'Ban tin') }).waitFor();

    // The helper other suites use walks from the root drive to any folder.
    await chooseFolder(page, 'deliver-folder', path.join(home, 'Music'));
  });

  it('"Thư mục mới" makes a folder on the stick and opens it; a bad name is refused in Vietnamese', { timeout: 120_000 }, async () => {
    await openScreen(page, host.url, `#/bulletins/${bulletinId}`);
    await page.getByTestId('deliver-target').selectOption('package');
    await page.getByTestId('deliver-folder').click();
    const chooser = page.getByTestId('folder-chooser');
    await chooser.locator('[data-place-kind="removable"]').first().click();
    await chooser.getByTestId('folder-current').filter({ hasText: new RegExp(`^${stick}$`) }).waitFor();
    expect(await chooser.getByTestId('folder-new').textContent()).toBe('Thư mục mới');

    await chooser.getByTestId('folder-new').click();
    await chooser.getByTestId('folder-new-name').fill('Tin: sáng?');
    await chooser.getByTestId('folder-create').click();
    await expect.poll(() => chooser.getByRole('alert').textContent()).toMatch(/^Dữ liệu nhập không hợp lệ: tên thư mục «Tin: sáng\?» có ký tự không dùng được/);
    expect(fs.readdirSync(stick)).toEqual(['Ban tin']);

    await chooser.getByTestId('folder-new-name').fill('Tin tháng 12');
    await chooser.getByTestId('folder-new-name').press('Enter');
    await chooser.getByTestId('folder-current').filter({ hasText: path.join(stick, 'Tin tháng 12') }).waitFor();
    expect(await chooser.getByRole('alert').count()).toBe(0);
    expect(fs.statSync(path.join(stick, 'Tin tháng 12')).isDirectory()).toBe(true);
    await chooser.getByTestId('folder-choose-here').click();
    await page.getByTestId('deliver-folder-value').filter({ hasText: path.join(stick, 'Tin tháng 12') }).waitFor();
  });
});
