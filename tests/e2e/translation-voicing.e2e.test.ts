/**
 * Voicing a Tày translation in Chromium (issue 12 §9): the Tày demonstration TM (Apache-2.0, see
 * ../shared/data/tay-vi/README.md) and a generated VITS voice for Tày installed first; a Vietnamese
 * bulletin translated into Tày from the bulletin screen, every segment approved with the keyboard,
 * one segment recorded with the fake microphone, the rest spoken by the voice, and the bulletin's
 * audio assembled (after a refusal and a cancel) with the pieces in segment order.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/services/storage/database.ts';
import { openStudio } from '../../src/main/studio.ts';
import { writeVitsVoice } from '../fixtures/voices/make-test-voices.ts';
import { startHost, type RunningHost } from '../helpers/browser-host.ts';
import { snap } from '../helpers/screenshots.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ffprobeDuration, launchWithFakeMic, makeFakeMicFile, recordFor } from './recorder-helpers.ts';

const TAY_VI = path.resolve(import.meta.dirname, '../../../shared/data/tay-vi/train.tsv');

describe('voicing a Tày translation in the browser', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let bulletinId = 0;

  beforeAll(async () => {
    const studio = openStudio({ dataDir, transport: 'test' });
    studio.services.translation.tm.importFile(TAY_VI, 'vi', 'tyz');
    await studio.services.tts.install(writeVitsVoice(path.join(temp.dir, 'mms-tts-tyz'), { language: 'tyz' }), 'tester');
    bulletinId = studio.services.library.bulletins.create({
      title: 'Phiên chợ sáng mai',
      script: 'Thông báo của xã\n\nChúng ta đi chợ sáng mai. Chợ có nhiều thứ đẹp lắm.',
    }, 'tester').id;
    await studio.close();
    host = await startHost(dataDir);
    browser = await launchWithFakeMic(makeFakeMicFile(temp.dir));
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('translates, approves with the keyboard, records one segment, assembles the rest with the Tày voice', async () => {
    await page.goto(`${host.url}#/bulletins/${bulletinId}`);
    expect(await page.locator('[data-nav="translation"]').textContent()).toBe('Chuyển ngữ');
    await page.getByTestId('translate-to').selectOption('tyz');
    await snap(page, 'translation-voicing-00-bulletin-card');
    await page.getByTestId('translate').click();
    await page.getByTestId('segments').waitFor({ timeout: 60_000 });
    await page.getByTestId('target-0').click();
    await page.getByTestId('target-0').fill('Thông báo tẻo xã');
    for (const index of [0, 1, 2]) {
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 30_000 }).toBe(`target-${index}`);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId(`segment-${index}`).getAttribute('data-state'), { timeout: 30_000 }).toBe('approved');
    }
    await expect.poll(() => page.getByTestId('progress').textContent()).toBe('3/3 đã duyệt');
    // Every segment will be spoken by the installed Tày voice until one is recorded.
    expect(await page.getByTestId('take-status-1').textContent()).toMatch(/^Đọc bằng giọng /);

    // Without a voice nothing covers the segments: refused, saying how many.
    await page.getByTestId('assemble-voice').selectOption('');
    await page.getByTestId('assemble').click();
    await expect.poll(() => page.getByTestId('assemble-panel').getByRole('alert').textContent()).toContain('3 trong 3 đoạn chưa có bản thu');
    await page.getByTestId('assemble-voice').selectOption({ index: 1 });

    // Segment 2 recorded with the fake microphone: the recorder opens for it, the take is attached.
    await page.getByTestId('record-segment-1').click();
    await page.getByTestId('take-recorder').waitFor();
    await recordFor(page, 2);
    await snap(page, 'translation-voicing-01-recording');
    await page.getByTestId('record-stop').click();
    await expect.poll(() => page.getByTestId('take-status-1').textContent(), { timeout: 30_000 }).toMatch(/^Có bản thu · \d+,\d giây$/);
    expect(await page.getByTestId('assemble-plan').textContent()).toBe('1 đoạn có bản thu · 2 đoạn đọc bằng giọng máy · 0 đoạn còn thiếu');
    await page.getByTestId('take-recorder-close').click();
    await page.getByTestId('play-take-1').click();
    await expect.poll(() => page.getByTestId('play-take-1').getAttribute('data-playing')).toBe('true');
    await page.getByTestId('play-take-1').click();

    // Cancelled while it runs: the bulletin's audio is left alone.
    await page.getByTestId('assemble').click();
    await page.getByTestId('assemble-cancel').click();
    await page.getByTestId('assemble-cancelled').waitFor({ timeout: 60_000 });

    await page.getByTestId('assemble').click();
    await page.getByRole('progressbar').waitFor();
    await snap(page, 'translation-voicing-02-assembling');
    await page.getByTestId('assemble-result').waitFor({ timeout: 240_000 });
    // Loudness and length in vi-VN form (a comma decimal, the true minus), as every screen writes them.
    expect(await page.getByTestId('assemble-result').textContent()).toMatch(/Đã ghép \d+,\d giây .* −2\d,\d LUFS/);
    await snap(page, 'translation-voicing-03-assembled');
    const pieces = (await page.getByTestId('assemble-result').getAttribute('data-pieces'))!.split(' ').map((p) => p.split(':'));
    expect(pieces.map(([index, from]) => `${index}:${from}`)).toEqual(['0:voice', '1:take', '2:voice']);
    const starts = pieces.map(([, , start]) => Number(start));
    expect(starts[1]).toBeGreaterThan(starts[0]!);
    // The take (about 2 s) lies between the two spoken segments.
    expect(starts[2]! - starts[1]!).toBeGreaterThan(2);

    // The Tày bulletin's audio is the assembled file, as long as the pieces and pauses together.
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const row = db.prepare('SELECT a.file FROM bulletins b JOIN assets a ON a.id = b.audio_asset_id WHERE b.title = ?').get('Phiên chợ sáng mai (Tày)') as { file: string } | undefined;
    db.close();
    expect(row).toBeDefined();
    const duration = ffprobeDuration(path.join(dataDir, row!.file));
    expect(duration).toBeCloseTo(Number(await page.getByTestId('assemble-result').getAttribute('data-duration')), 1);
    expect(duration).toBeGreaterThan(starts[2]!);
    await page.getByTestId('assemble-open-bulletin').click();
    await page.getByTestId('bulletin-title').waitFor();
    await snap(page, 'translation-voicing-04-bulletin');
  }, 600_000);
});
