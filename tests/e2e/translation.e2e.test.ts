/**
 * Chuyển ngữ in Chromium: the Tày demonstration TM imported from the shared data (Apache-2.0, see
 * ../shared/data/tay-vi/README.md), the learned engine trained on it from the engine panel, a
 * Vietnamese bulletin translated into Tày from the bulletin screen, every segment edited and
 * approved with the keyboard, and the Tày bulletin seen linked to its source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStudio } from '../../src/main/studio.ts';
import { writeFixturePack } from '../fixtures/mt-packs/generate.ts';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { snap } from '../helpers/screenshots.ts';

const TAY_VI = path.resolve(import.meta.dirname, '../../../shared/data/tay-vi/train.tsv');

describe('translating a bulletin into Tày in the browser', () => {
  let bulletinId = 0;
  const s = useBrowserSession({ width: 1440, height: 1000 }, async (dataDir) => {
    const studio = openStudio({ dataDir, transport: 'test' });
    bulletinId = studio.services.library.bulletins.create({
      title: 'Phiên chợ sáng mai',
      script: 'Thông báo của xã\n\nChúng ta đi chợ sáng mai. Chợ có nhiều thứ đẹp lắm. Bà con đi họp ở nhà văn hóa lúc 8 giờ.',
      category: 'agriculture',
    }, 'tester').id;
    await studio.close();
  });

  it('imports the Tày TM and trains the learned engine from the engine panel', async () => {
    await s.page.goto(s.host.url);
    await s.page.locator('[data-nav="translation"]').click();
    expect(await s.page.locator('[data-nav="translation"]').textContent()).toBe('Chuyển ngữ');
    await s.page.getByTestId('tm-path').fill(TAY_VI);
    await s.page.getByTestId('tm-importTm').click();
    await expect.poll(() => s.page.getByTestId('tm-message').textContent().catch(() => ''), { timeout: 60_000 }).toMatch(/^Đã thêm \d{5} cặp/);
    await expect.poll(() => s.page.getByTestId('engine-status').textContent()).toBe('Chưa huấn luyện cho cặp ngôn ngữ này.');
    await s.page.getByTestId('tm-search').fill('pây háng');
    await s.page.getByRole('button', { name: 'Tìm' }).click();
    await s.page.locator('.tr-hits tr').first().waitFor();

    // Training is cancelled from the panel that started it: nothing is learned, and it says so.
    await s.page.getByTestId('train').click();
    await s.page.getByTestId('train-progress').getByTestId('job-cancel').click();
    await s.page.getByTestId('engine-cancelled').waitFor({ timeout: 60_000 });
    expect(await s.page.getByTestId('engine-cancelled').textContent()).toBe('Đã hủy theo yêu cầu của bạn.');
    expect(await s.page.getByTestId('train-progress').count()).toBe(0);
    expect(await s.page.getByTestId('engine-status').textContent()).toBe('Chưa huấn luyện cho cặp ngôn ngữ này.');

    await s.page.getByTestId('train').click();
    await s.page.getByTestId('train-progress').waitFor();
    expect(await s.page.getByTestId('engine-cancelled').count()).toBe(0);
    await snap(s.page, 'translation-01-training');
    await s.page.getByTestId('trained').waitFor({ timeout: 240_000 });
    await expect.poll(() => s.page.getByTestId('engine-status').textContent()).toMatch(/^Đã học \d{5} cặp câu/);

    // An evaluation from the panel: the learned engine on a small test file, recorded in the table.
    const test = path.join(s.dataDir, 'test.tsv');
    fs.writeFileSync(test, 'bà con đi chợ sáng mai.\tpi noọng pây háng sáng mai.\nmẹ đi họp ở xã.\tme pây họp dú xã.\n');
    await s.page.getByTestId('eval-test').fill(test);
    await s.page.getByTestId('eval-engine').selectOption('learned');
    await s.page.getByTestId('eval-run').click();
    await s.page.getByTestId('evaluations').locator('tbody tr').first().waitFor({ timeout: 120_000 });
    const row = await s.page.getByTestId('evaluations').locator('tbody tr').first().allInnerTexts();
    expect(row[0]).toMatch(/^Máy dịch học\s+vie→tyz\s+2\s+\d+,\d\d\s+\d+,\d\d/);

    // A neural pack (a generated tiny Marian model) installed from the panel, listed with its languages.
    const pack = writeFixturePack('marian', path.join(s.dataDir, 'sources', 'opus-mt-vi-tyz'));
    await s.page.getByTestId('pack-path').fill(pack);
    await s.page.getByTestId('pack-install').click();
    await s.page.getByTestId('packs').locator('li').first().waitFor({ timeout: 120_000 });
    expect(await s.page.getByTestId('packs').locator('li').first().textContent()).toContain('marian');
    await snap(s.page, 'translation-02-home');
  }, 300_000);

  it('translates a bulletin into Tày, shows machine suggestions, approves every segment with the keyboard and links both bulletins', async () => {
    await s.page.goto(`${s.host.url}#/bulletins/${bulletinId}`);
    await s.page.getByTestId('translate-card').waitFor();
    await s.page.getByTestId('translate-to').selectOption('tyz');
    await s.page.getByTestId('translate').click();
    await s.page.getByTestId('segments').waitFor({ timeout: 60_000 });
    expect(s.page.url()).toMatch(/#\/translation\/\d+$/);
    await expect.poll(() => s.page.getByTestId('progress').textContent()).toBe('0/4 đã duyệt');

    // The TM's exact matches are pre-translated (never approved); the rest gets machine suggestions.
    expect(await s.page.getByTestId('target-1').inputValue()).toBe('boong hây pây háng sáng mai.');
    expect(await s.page.getByTestId('segment-1').getAttribute('data-state')).toBe('pre-translated');
    // Where the TM has nothing, the learned engine drafted it: labelled machine, not approved.
    expect(await s.page.getByTestId('segment-3').locator('.tr-origin').textContent()).toMatch(/^Máy dịch \(độ tin cậy \d+%\)$/);
    await s.page.getByTestId('target-3').click();
    await s.page.getByTestId('machine').locator('li').first().waitFor({ timeout: 60_000 });
    expect(await s.page.getByTestId('machine').locator('.badge').first().textContent()).toMatch(/^máy dịch · learned:vie-tyz · độ tin cậy \d+%$/);
    await snap(s.page, 'translation-03-workbench');

    // Keyboard: Ctrl+I takes the best suggestion, Ctrl+Enter approves and moves to the next segment.
    await s.page.getByTestId('target-0').click();
    await s.page.getByTestId('target-0').fill('Thông báo tẻo xã');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => s.page.getByTestId('segment-0').getAttribute('data-state'), { timeout: 30_000 }).toBe('approved');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 30_000 }).toBe('target-1');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => s.page.getByTestId('segment-1').getAttribute('data-state'), { timeout: 30_000 }).toBe('approved');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 30_000 }).toBe('target-2');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => s.page.getByTestId('segment-2').getAttribute('data-state'), { timeout: 30_000 }).toBe('approved');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 30_000 }).toBe('target-3');
    await s.page.getByTestId('machine').locator('li').first().waitFor({ timeout: 60_000 });
    await s.page.keyboard.press('Control+i');
    const machineText = await s.page.getByTestId('target-3').inputValue();
    expect(machineText.length).toBeGreaterThan(5);
    // The number must survive: the editor fixes the draft where QA would complain, then approves.
    await s.page.getByTestId('target-3').fill('Pi noọng pây họp dú rườn văn hóa mừa 8 giờ.');
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => s.page.getByTestId('progress').textContent(), { timeout: 30_000 }).toBe('4/4 đã duyệt');
    await snap(s.page, 'translation-04-approved');

    // The Tày bulletin: its script is the approved translation, and it says whose translation it is.
    await s.page.getByTestId('open-target').click();
    await s.page.getByTestId('translation-of').waitFor();
    expect(await s.page.getByTestId('translation-of').textContent()).toContain('Phiên chợ sáng mai');
    expect(await s.page.getByTestId('bulletin-title').inputValue()).toBe('Phiên chợ sáng mai (Tày)');
    expect(await s.page.getByTestId('bulletin-script').inputValue()).toBe(
      'Thông báo tẻo xã\n\nboong hây pây háng sáng mai. háng mì lai cúa đây lai. Pi noọng pây họp dú rườn văn hóa mừa 8 giờ.',
    );
    await snap(s.page, 'translation-05-target-bulletin');

    // The library lists it, and the source lists its translation.
    await s.page.goto(`${s.host.url}#/library`);
    await s.page.getByText('Phiên chợ sáng mai (Tày)').waitFor();
    await s.page.goto(`${s.host.url}#/bulletins/${bulletinId}`);
    await s.page.getByTestId('translations-of-bulletin').getByText('Phiên chợ sáng mai (Tày)').waitFor();
    await snap(s.page, 'translation-06-source-bulletin');

    // Voicing: from the workbench to the speech screen with the Tày bulletin, which becomes its audio.
    await s.page.getByTestId('translations-of-bulletin').getByText('Mở bản dịch').click();
    await s.page.getByTestId('voice-target').click();
    await expect.poll(() => s.page.getByTestId('tts-script').inputValue(), { timeout: 30_000 }).toContain('Pi noọng pây họp');
    await s.page.getByTestId('tts-generate').click();
    await s.page.locator('[data-testid="tts-waveform"][data-ready="true"]').waitFor({ timeout: 120_000 });
    await snap(s.page, 'translation-07-voiced');
  }, 400_000);

  it('imports a TCVN3 text file as a bulletin, showing the converted line and undoing it on request', async () => {
    const file = path.join(s.dataDir, 'ban-tin-cu.txt');
    // "Thông báo của xã" and "Giá: 5.000" in TCVN3 bytes, as a Word file typed in an ABC font saves them.
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0x54, 0x68, 0xab, 0x6e, 0x67, 0x20, 0x62, 0xb8, 0x6f, 0x20, 0x63, 0xf1, 0x61, 0x20, 0x78, 0xb7]), Buffer.from([0x0a, 0x47, 0x69, 0xb8]), Buffer.from(': 5.000\n')]));
    await s.page.goto(`${s.host.url}#/translation`);
    await s.page.getByTestId('legacy-path').fill(file);
    await s.page.getByTestId('legacy-read').click();
    await s.page.getByTestId('legacy-encoding').waitFor();
    expect(await s.page.getByTestId('legacy-encoding').textContent()).toBe('Đã chuyển từ bảng mã TCVN3 (ABC) sang Unicode.');
    expect(await s.page.getByTestId('legacy-changes').locator('li').count()).toBe(2);
    expect(await s.page.getByTestId('legacy-text').inputValue()).toBe('Thông báo của xã\nGiá: 5.000\n');
    await snap(s.page, 'translation-08-legacy-import');
    await s.page.getByTestId('legacy-changes').getByRole('button', { name: 'Hoàn tác, giữ nguyên văn bản gốc' }).first().click();
    expect((await s.page.getByTestId('legacy-text').inputValue()).startsWith('Th«ng')).toBe(true);
    await s.page.getByTestId('legacy-changes').getByRole('button', { name: 'Chuyển lại' }).click();
    await s.page.getByTestId('legacy-create').click();
    await expect.poll(() => s.page.url()).toMatch(/#\/bulletins\/\d+$/);
    await expect.poll(() => s.page.getByTestId('bulletin-script').inputValue()).toBe('Thông báo của xã\nGiá: 5.000\n');
    expect(await s.page.getByTestId('bulletin-title').inputValue()).toBe('Thông báo của xã');
  }, 120_000);
});
