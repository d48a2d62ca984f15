import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { writePiperVoice } from '../fixtures/voices/make-test-voices.ts';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/services/storage/database.ts';
import { openStudio } from '../../src/main/studio.ts';
import { chooseFolder } from '../helpers/pickers.ts';
import { snap } from '../helpers/screenshots.ts';

async function closeJobsPanel(page: Page) {
  const panel = page.locator('[data-testid="jobs-panel"].open');
  if (await panel.count()) await panel.getByRole('button', { name: 'Đóng' }).click();
}

describe('text to speech in Chromium', () => {
  let bulletinId = 0;
  // A bulletin already in the library, written before the host starts.
  const s = useBrowserSession({ width: 1360, height: 1000 }, async (dataDir) => {
    const studio = openStudio({ dataDir, transport: 'test' });
    bulletinId = studio.services.library.bulletins.create({ title: 'Lịch tiêm phòng', script: 'HĐND xã họp ngày 5/10/2024.' }, 'tester').id;
    await studio.close();
  });

  it('types a bulletin, checks the reading, generates it with the built-in voice, sees the waveform and plays it', async () => {
    await s.page.goto(s.host.url);
    await s.page.locator('[data-nav="tts"]').click();
    await s.page.getByTestId('tts-script').fill('UBND xã thông báo: ngày 18/9/2024 tiêm phòng cho 1.250 trẻ em.\n\nBà con đến trạm y tế lúc 7h30.');

    // The reading preview shows the numbers, the date and the abbreviation written out.
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="reading-sentence"]').length === 2);
    const texts = await s.page.getByTestId('reading-sentence').allInnerTexts();
    expect(texts[0]).toContain('ủy ban nhân dân xã thông báo: ngày mười tám tháng chín năm hai nghìn không trăm hai mươi tư');
    expect(texts[0]).toContain('một nghìn hai trăm năm mươi trẻ em');
    expect(texts[1]).toContain('bảy giờ ba mươi');

    // One sentence on its own, then the voice sample.
    expect(await s.page.getByTestId('tts-voice').inputValue()).toBe('builtin:vi');
    const plays = async () => Number(await s.page.getByTestId('tts-grid').getAttribute('data-plays'));
    await s.page.getByTestId('tts-sentence-play').nth(1).click();
    await expect.poll(plays, { timeout: 30_000 }).toBe(1);
    // Should the jobs panel have opened (it does when a job fails), close it to reach the screen.
    await closeJobsPanel(s.page);
    await s.page.getByTestId('tts-sample').click();
    await expect.poll(plays, { timeout: 30_000 }).toBe(2);
    await closeJobsPanel(s.page);

    await s.page.getByTestId('tts-generate').click();
    await s.page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await closeJobsPanel(s.page);
    expect(await s.page.getByTestId('tts-result-summary').textContent()).toMatch(/^2 câu · [\d,]+ giây · −23,0 LUFS/);
    // wavesurfer draws the peaks into its canvas (inside its shadow root).
    const drawn = await s.page.evaluate(() => {
      const host = document.querySelector('[data-testid="tts-waveform"] > div');
      const canvas = host?.shadowRoot?.querySelector('canvas');
      if (!canvas) return 0;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    });
    expect(drawn).toBeGreaterThan(1000);

    await s.page.getByTestId('tts-play').click();
    await expect.poll(() => s.page.getByTestId('tts-play').textContent()).toBe('Tạm dừng');
    // Playback advances.
    const cursor = () =>
      s.page.evaluate(() => {
        const audio = document.querySelector('[data-testid="tts-waveform"] > div')?.shadowRoot?.querySelector('audio') ?? document.querySelector('audio');
        return audio ? (audio as HTMLAudioElement).currentTime : -1;
      });
    await expect.poll(cursor, { timeout: 10_000 }).toBeGreaterThan(0.3);
    await snap(s.page, 'tts-generated');
    await s.page.getByTestId('tts-play').click();
  }, 180_000);

  it('installs a voice pack in the manager, speaks with it, refuses a broken one and removes it', async () => {
    const model = writePiperVoice(path.join(s.dataDir, 'packs', 'nhieu-giong'), 'vi_VN-e2e-x_low', { multiSpeaker: true });
    await s.page.goto(`${s.host.url}#/tts`);
    const manager = s.page.getByTestId('voice-packs');
    await chooseFolder(s.page, 'voice-pack-folder', path.dirname(model), 'voice-pack-zip');
    await manager.getByRole('button', { name: 'Cài gói giọng' }).click();
    await manager.getByTestId('voice-pack-row').waitFor({ timeout: 60_000 });
    await closeJobsPanel(s.page);
    expect(await manager.getByTestId('voice-pack-row').innerText()).toMatch(/vi_VN-e2e-x_low\s+Piper\s+vi\s+\d+(,\d)? kB\s+CC0-1\.0/);

    // The new voice is in the picker, with its speakers.
    await s.page.getByTestId('tts-voice').selectOption('pack:vi_VN-e2e-x_low');
    await expect.poll(() => s.page.getByLabel('Người đọc').locator('option').allInnerTexts()).toEqual(['nam', 'nu', 'tre']);
    await s.page.getByTestId('tts-script').fill('Xin chào bà con.');
    await s.page.getByTestId('tts-generate').click();
    await s.page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await closeJobsPanel(s.page);

    // A broken pack: the reason is shown and nothing is added.
    const broken = writePiperVoice(path.join(s.dataDir, 'packs', 'hong'), 'vi_VN-broken-x_low');
    fs.rmSync(`${broken}.json`);
    await chooseFolder(s.page, 'voice-pack-folder', path.dirname(broken), 'voice-pack-zip');
    await manager.getByRole('button', { name: 'Cài gói giọng' }).click();
    await manager.locator('.notice-error').waitFor({ timeout: 60_000 });
    await closeJobsPanel(s.page);
    expect(await manager.locator('.notice-error').innerText()).toMatch(/thiếu tệp cấu hình/);
    expect(await manager.getByTestId('voice-pack-row').count()).toBe(1);
    await snap(s.page, 'tts-voice-packs');

    s.page.once('dialog', (dialog) => void dialog.accept());
    await manager.getByRole('button', { name: 'Gỡ' }).click();
    await expect.poll(() => manager.getByTestId('voice-pack-row').count()).toBe(0);
  }, 180_000);

  it("gives a bulletin its audio from the bulletin's own script", async () => {
    await s.page.goto(`${s.host.url}#/tts/${bulletinId}`);
    await expect.poll(() => s.page.locator('h1').textContent()).toBe('Giọng đọc: Lịch tiêm phòng');
    expect(await s.page.getByTestId('tts-script').inputValue()).toBe('HĐND xã họp ngày 5/10/2024.');
    await s.page.getByTestId('tts-script').fill('HĐND xã họp ngày 5/10/2024 lúc 14h.');
    await s.page.getByTestId('tts-generate').click();
    await s.page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await closeJobsPanel(s.page);
    await s.page.getByText('Đã gắn âm thanh vào bản tin.').waitFor();
    // The edited script was saved to the bulletin, and the new asset is its audio.
    const db = new Database(path.join(s.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const row = db.prepare('SELECT script, audio_asset_id FROM bulletins WHERE id = ?').get(bulletinId) as { script: string; audio_asset_id: number | null };
      expect(row.script).toBe('HĐND xã họp ngày 5/10/2024 lúc 14h.');
      const asset = db.prepare('SELECT sample_rate, file FROM assets WHERE id = ?').get(row.audio_asset_id) as { sample_rate: number; file: string };
      expect(asset.sample_rate).toBe(48000);
      expect(fs.existsSync(path.join(s.dataDir, asset.file))).toBe(true);
    } finally {
      db.close();
    }
  }, 180_000);
});
