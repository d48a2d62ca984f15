import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../helpers/browser-host.ts';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { chooseFolder } from '../helpers/pickers.ts';
import { snap } from '../helpers/screenshots.ts';

const SCRIPT =
  'Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, đêm nay và ngày mai khu vực miền núi phía Bắc có mưa rào, ' +
  'nhiệt độ thấp nhất 12–14 độ. Ủy ban nhân dân xã đề nghị bà con chủ động che chắn chuồng trại, bảo vệ đàn gia súc.';

describe('library, programmes and language in the browser', () => {
  const s = useBrowserSession({ width: 1366, height: 860 });

  async function createBulletin(title: string, script: string) {
    await s.page.locator('[data-nav="library"]').click();
    await s.page.getByTestId('new-bulletin').click();
    await s.page.getByTestId('bulletin-title').fill(title);
    await s.page.getByTestId('bulletin-script').fill(script);
    await s.page.getByTestId('bulletin-category').selectOption('weather');
    await s.page.getByTestId('save-bulletin').click();
    await s.page.waitForURL(/#\/bulletins\/\d+$/);
    await expect.poll(() => s.page.getByTestId('bulletin-title').inputValue()).toBe(title);
  }

  it('creates a bulletin with a Vietnamese script and finds it without diacritics', async () => {
    await s.page.goto(s.host.url);
    await s.page.getByTestId('search').waitFor();
    await snap(s.page, '01-library-empty');
    await createBulletin('Thời tiết ngày mai', SCRIPT);
    await snap(s.page, '02-bulletin-editor');
    await createBulletin('Lịch tiêm chủng mở rộng', 'Trạm y tế xã tổ chức tiêm chủng cho trẻ dưới 5 tuổi vào sáng thứ Bảy.');

    await s.page.locator('[data-nav="library"]').click();
    await s.page.getByTestId('search').fill('thoi tiet');
    const rows = s.page.locator('[data-testid="bulletin-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Thời tiết ngày mai');
    await snap(s.page, '03-library-search');
  });

  it('leads from a bulletin to its speech synthesis', async () => {
    await s.page.locator('[data-testid="bulletin-table"] tbody tr').first().click();
    await s.page.getByTestId('bulletin-audio').waitFor();
    expect(await s.page.getByTestId('bulletin-audio').innerText()).toContain('Bản tin chưa có âm thanh.');
    const id = s.page.url().replace(/^.*#\/bulletins\//, '');
    await s.page.getByTestId('bulletin-to-tts').click();
    await s.page.waitForURL(new RegExp(`#/tts/${id}$`));
  });

  it('builds a programme and reorders it by dragging', async () => {
    await s.page.locator('[data-nav="programmes"]').click();
    await s.page.getByTestId('programme-title').fill('Chương trình phát thanh sáng thứ Hai');
    await s.page.getByTestId('create-programme').click();
    await s.page.waitForURL(/#\/programmes\/\d+$/);
    for (const title of ['Thời tiết ngày mai', 'Lịch tiêm chủng mở rộng']) {
      await s.page.getByTestId('add-item-search').fill(title);
      const add = s.page.locator('.pick-list li', { hasText: title }).getByRole('button');
      await add.first().click();
      await expect.poll(() => s.page.locator('.order-item', { hasText: title }).count()).toBe(1);
    }
    const labels = () => s.page.locator('.order-item .order-title').allInnerTexts();
    expect(await labels()).toEqual(['Thời tiết ngày mai', 'Lịch tiêm chủng mở rộng']);
    await s.page.locator('.order-item').nth(1).dragTo(s.page.locator('.order-item').nth(0));
    await expect.poll(labels).toEqual(['Lịch tiêm chủng mở rộng', 'Thời tiết ngày mai']);
    await expect.poll(() => s.page.getByTestId('programme-total').innerText()).toMatch(/Tổng thời lượng/);
    await snap(s.page, '04-programme-builder');
  });

  it('keeps unsaved edits through a closed page and offers them back', async () => {
    await s.page.locator('[data-nav="library"]').click();
    await s.page.getByTestId('new-bulletin').click();
    await s.page.getByTestId('bulletin-title').fill('Thông báo chưa kịp lưu');
    await s.page.getByTestId('bulletin-script').fill('Mất điện giữa chừng.');
    await s.page.reload();
    await s.page.getByTestId('draft-restore').getByRole('button').first().click();
    await expect.poll(() => s.page.getByTestId('bulletin-title').inputValue()).toBe('Thông báo chưa kịp lưu');
    await s.page.keyboard.press('Control+s');
    await s.page.waitForURL(/#\/bulletins\/\d+$/);
  });

  it('finds everything intact after the host restarts on the same data directory', async () => {
    await s.page.locator('[data-nav="programmes"]').click();
    await s.page.locator('[data-programme-id]').first().click();
    await s.page.waitForURL(/#\/programmes\/\d+$/);
    const programmeUrl = s.page.url().replace(/^.*#/, '#');
    await s.host.stop();
    // The screen says the link is down rather than failing silently.
    await s.page.getByTestId('disconnected').waitFor();
    s.host = await startHost(s.dataDir);
    await s.page.goto(s.host.url);
    await s.page.getByTestId('search').fill('lich tiem chung');
    await expect.poll(() => s.page.locator('[data-testid="bulletin-table"] tbody tr').count()).toBe(1);
    await s.page.evaluate((hash) => (location.hash = hash), programmeUrl);
    await expect
      .poll(() => s.page.locator('.order-item .order-title').allInnerTexts())
      .toEqual(['Lịch tiêm chủng mở rộng', 'Thời tiết ngày mai']);
    // A host start on a loaded machine can take tens of seconds (it starts its job processes anew).
  }, 180_000);

  it('switches the interface to English and back', async () => {
    await s.page.locator('[data-nav="settings"]').click();
    await s.page.getByTestId('ui-language').selectOption('en');
    await expect.poll(() => s.page.locator('[data-nav="library"]').innerText()).toBe('Library');
    await snap(s.page, '05-settings-english');
    await s.page.locator('[data-nav="library"]').click();
    await expect.poll(() => s.page.getByTestId('new-bulletin').innerText()).toBe('+ New bulletin');
    await snap(s.page, '06-library-english');
    await s.page.locator('[data-nav="settings"]').click();
    await s.page.getByTestId('ui-language').selectOption('vi');
    await expect.poll(() => s.page.locator('[data-nav="library"]').innerText()).toBe('Thư viện');
    // The choice is stored with the library: a fresh page opens in the chosen language.
    await s.page.getByTestId('ui-language').selectOption('en');
    await s.page.reload();
    await expect.poll(() => s.page.locator('[data-nav="settings"]').innerText()).toBe('Settings');
    await s.page.getByTestId('ui-language').selectOption('vi');
    await expect.poll(() => s.page.locator('[data-nav="settings"]').innerText()).toBe('Cài đặt');
  });

  it('shows a backup job with its progress and outcome in the jobs panel', async () => {
    await s.page.locator('[data-nav="settings"]').click();
    fs.mkdirSync(path.join(s.dataDir, 'sao-luu'));
    await chooseFolder(s.page, 'backup-folder', path.join(s.dataDir, 'sao-luu'));
    await s.page.getByTestId('backup-start').click();
    await s.page.getByTestId('jobs-toggle').click();
    const job = s.page.locator('[data-testid="jobs-panel"] [data-job-kind="library.backup"]');
    await expect.poll(() => job.innerText()).toMatch(/Sao lưu thư viện\s+Hoàn tất/);
    await snap(s.page, '08-jobs-panel');
    await s.page.getByTestId('jobs-toggle').click();
  });

  it('has a working areas screen', async () => {
    await s.page.locator('[data-nav="areas"]').click();
    await s.page.locator('.new-area input').first().fill('Tỉnh Lào Cai');
    await s.page.locator('.new-area button').first().click();
    await expect.poll(() => s.page.locator('[data-area="Tỉnh Lào Cai"]').count()).toBe(1);
    await snap(s.page, '07-areas');
  });
});
