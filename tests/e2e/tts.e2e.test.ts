import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, type RunningHost } from '../helpers/browser-host.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { writePiperVoice } from '../fixtures/voices/make-test-voices.ts';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/services/storage/database.ts';
import { openStudio } from '../../src/main/studio.ts';
import { snap } from '../helpers/screenshots.ts';

async function closeJobsPanel(page: Page) {
  const panel = page.locator('[data-testid="jobs-panel"].open');
  if (await panel.count()) await panel.getByRole('button', { name: 'Đóng' }).click();
}

describe('text to speech in Chromium', () => {
  const temp = makeTempDir();
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  let bulletinId = 0;

  beforeAll(async () => {
    // A bulletin already in the library, written before the host starts.
    const studio = openStudio({ dataDir: temp.dir, transport: 'test' });
    bulletinId = studio.services.bulletins.create({ title: 'Lịch tiêm phòng', script: 'HĐND xã họp ngày 5/10/2024.' }, 'tester').id;
    await studio.close();
    host = await startHost(temp.dir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('types a bulletin, checks the reading, generates it with the built-in voice, sees the waveform and plays it', async () => {
    await page.goto(host.url);
    await page.locator('[data-nav="tts"]').click();
    await page.getByTestId('tts-script').fill('UBND xã thông báo: ngày 18/9/2024 tiêm phòng cho 1.250 trẻ em.\n\nBà con đến trạm y tế lúc 7h30.');

    // The reading preview shows the numbers, the date and the abbreviation written out.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reading-sentence"]').length === 2);
    const texts = await page.getByTestId('reading-sentence').allInnerTexts();
    expect(texts[0]).toContain('ủy ban nhân dân xã thông báo: ngày mười tám tháng chín năm hai nghìn không trăm hai mươi tư');
    expect(texts[0]).toContain('một nghìn hai trăm năm mươi trẻ em');
    expect(texts[1]).toContain('bảy giờ ba mươi');

    // One sentence on its own, then the voice sample.
    expect(await page.getByTestId('tts-voice').inputValue()).toBe('builtin:vi');
    const plays = async () => Number(await page.getByTestId('tts-grid').getAttribute('data-plays'));
    await page.getByTestId('tts-sentence-play').nth(1).click();
    await expect.poll(plays, { timeout: 30_000 }).toBe(1);
    // Should the jobs panel have opened (it does when a job fails), close it to reach the screen.
    await closeJobsPanel(page);
    await page.getByTestId('tts-sample').click();
    await expect.poll(plays, { timeout: 30_000 }).toBe(2);
    await closeJobsPanel(page);

    await page.getByTestId('tts-generate').click();
    await page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await closeJobsPanel(page);
    expect(await page.getByTestId('tts-result-summary').textContent()).toMatch(/^2 câu · [\d.]+ giây · -23\.0 LUFS/);
    // wavesurfer draws the peaks into its canvas (inside its shadow root).
    const drawn = await page.evaluate(() => {
      const host = document.querySelector('[data-testid="tts-waveform"] > div');
      const canvas = host?.shadowRoot?.querySelector('canvas');
      if (!canvas) return 0;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    });
    expect(drawn).toBeGreaterThan(1000);

    await page.getByTestId('tts-play').click();
    await expect.poll(() => page.getByTestId('tts-play').textContent()).toBe('Tạm dừng');
    // Playback advances.
    const cursor = () =>
      page.evaluate(() => {
        const audio = document.querySelector('[data-testid="tts-waveform"] > div')?.shadowRoot?.querySelector('audio') ?? document.querySelector('audio');
        return audio ? (audio as HTMLAudioElement).currentTime : -1;
      });
    await expect.poll(cursor, { timeout: 10_000 }).toBeGreaterThan(0.3);
    await snap(page, 'tts-generated');
    await page.getByTestId('tts-play').click();
  }, 180_000);

  it('installs a voice pack in the manager, speaks with it, refuses a broken one and removes it', async () => {
    const model = writePiperVoice(path.join(temp.dir, 'packs', 'nhieu-giong'), 'vi_VN-e2e-x_low', { multiSpeaker: true });
    await page.goto(`${host.url}#/tts`);
    const manager = page.getByTestId('voice-packs');
    await manager.getByRole('textbox').fill(path.dirname(model));
    await manager.getByRole('button', { name: 'Cài gói giọng' }).click();
    await manager.getByTestId('voice-pack-row').waitFor({ timeout: 60_000 });
    await closeJobsPanel(page);
    expect(await manager.getByTestId('voice-pack-row').innerText()).toMatch(/vi_VN-e2e-x_low\s+Piper\s+vi\s+\d+ kB\s+CC0-1\.0/);

    // The new voice is in the picker, with its speakers.
    await page.getByTestId('tts-voice').selectOption('pack:vi_VN-e2e-x_low');
    await expect.poll(() => page.getByLabel('Người đọc').locator('option').allInnerTexts()).toEqual(['nam', 'nu', 'tre']);
    await page.getByTestId('tts-script').fill('Xin chào bà con.');
    await page.getByTestId('tts-generate').click();
    await page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await closeJobsPanel(page);

    // A broken pack: the reason is shown and nothing is added.
    const broken = writePiperVoice(path.join(temp.dir, 'packs', 'hong'), 'vi_VN-broken-x_low');
    fs.rmSync(`${broken}.json`);
    await manager.getByRole('textbox').fill(path.dirname(broken));
    await manager.getByRole('button', { name: 'Cài gói giọng' }).click();
    await manager.locator('.notice-error').waitFor({ timeout: 60_000 });
    await closeJobsPanel(page);
    expect(await manager.locator('.notice-error').innerText()).toMatch(/thiếu tệp cấu hình/);
    expect(await manager.getByTestId('voice-pack-row').count()).toBe(1);
    await snap(page, 'tts-voice-packs');

    page.once('dialog', (dialog) => void dialog.accept());
    await manager.getByRole('button', { name: 'Gỡ' }).click();
    await expect.poll(() => manager.getByTestId('voice-pack-row').count()).toBe(0);
  }, 180_000);

  it("gives a bulletin its audio from the bulletin's own script", async () => {
    await page.goto(`${host.url}#/tts/${bulletinId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Giọng đọc: Lịch tiêm phòng');
    expect(await page.getByTestId('tts-script').inputValue()).toBe('HĐND xã họp ngày 5/10/2024.');
    await page.getByTestId('tts-script').fill('HĐND xã họp ngày 5/10/2024 lúc 14h.');
    await page.getByTestId('tts-generate').click();
    await page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await closeJobsPanel(page);
    await page.getByText('Đã gắn âm thanh vào bản tin.').waitFor();
    // The edited script was saved to the bulletin, and the new asset is its audio.
    const db = new Database(path.join(temp.dir, DATABASE_FILE), { readonly: true });
    try {
      const row = db.prepare('SELECT script, audio_asset_id FROM bulletins WHERE id = ?').get(bulletinId) as { script: string; audio_asset_id: number | null };
      expect(row.script).toBe('HĐND xã họp ngày 5/10/2024 lúc 14h.');
      const asset = db.prepare('SELECT sample_rate, file FROM assets WHERE id = ?').get(row.audio_asset_id) as { sample_rate: number; file: string };
      expect(asset.sample_rate).toBe(48000);
      expect(fs.existsSync(path.join(temp.dir, asset.file))).toBe(true);
    } finally {
      db.close();
    }
  }, 180_000);
});
