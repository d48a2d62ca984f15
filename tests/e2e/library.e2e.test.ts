import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, type RunningHost } from '../helpers/browser-host.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { snap } from '../helpers/screenshots.ts';

const SCRIPT =
  'Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, đêm nay và ngày mai khu vực miền núi phía Bắc có mưa rào, ' +
  'nhiệt độ thấp nhất 12–14 độ. Ủy ban nhân dân xã đề nghị bà con chủ động che chắn chuồng trại, bảo vệ đàn gia súc.';

describe('library, programmes and language in the browser', () => {
  const temp = makeTempDir();
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost(temp.dir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  async function createBulletin(title: string, script: string) {
    await page.locator('[data-nav="library"]').click();
    await page.getByTestId('new-bulletin').click();
    await page.getByTestId('bulletin-title').fill(title);
    await page.getByTestId('bulletin-script').fill(script);
    await page.getByTestId('bulletin-category').selectOption('weather');
    await page.getByTestId('save-bulletin').click();
    await page.waitForURL(/#\/bulletins\/\d+$/);
    await expect.poll(() => page.getByTestId('bulletin-title').inputValue()).toBe(title);
  }

  it('creates a bulletin with a Vietnamese script and finds it without diacritics', async () => {
    await page.goto(host.url);
    await page.getByTestId('search').waitFor();
    await snap(page, '01-library-empty');
    await createBulletin('Thời tiết ngày mai', SCRIPT);
    await snap(page, '02-bulletin-editor');
    await createBulletin('Lịch tiêm chủng mở rộng', 'Trạm y tế xã tổ chức tiêm chủng cho trẻ dưới 5 tuổi vào sáng thứ Bảy.');

    await page.locator('[data-nav="library"]').click();
    await page.getByTestId('search').fill('thoi tiet');
    const rows = page.locator('[data-testid="bulletin-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Thời tiết ngày mai');
    await snap(page, '03-library-search');
  });

  it('leads from a bulletin to its speech synthesis', async () => {
    await page.locator('[data-testid="bulletin-table"] tbody tr').first().click();
    await page.getByTestId('bulletin-audio').waitFor();
    expect(await page.getByTestId('bulletin-audio').innerText()).toContain('Bản tin chưa có âm thanh.');
    const id = page.url().replace(/^.*#\/bulletins\//, '');
    await page.getByTestId('bulletin-to-tts').click();
    await page.waitForURL(new RegExp(`#/tts/${id}$`));
  });

  it('builds a programme and reorders it by dragging', async () => {
    await page.locator('[data-nav="programmes"]').click();
    await page.getByTestId('programme-title').fill('Chương trình phát thanh sáng thứ Hai');
    await page.getByTestId('create-programme').click();
    await page.waitForURL(/#\/programmes\/\d+$/);
    for (const title of ['Thời tiết ngày mai', 'Lịch tiêm chủng mở rộng']) {
      await page.getByTestId('add-item-search').fill(title);
      const add = page.locator('.pick-list li', { hasText: title }).getByRole('button');
      await add.first().click();
      await expect.poll(() => page.locator('.order-item', { hasText: title }).count()).toBe(1);
    }
    const labels = () => page.locator('.order-item .order-label').allInnerTexts();
    expect(await labels()).toEqual(['Thời tiết ngày mai', 'Lịch tiêm chủng mở rộng']);
    await page.locator('.order-item').nth(1).dragTo(page.locator('.order-item').nth(0));
    await expect.poll(labels).toEqual(['Lịch tiêm chủng mở rộng', 'Thời tiết ngày mai']);
    await expect.poll(() => page.getByTestId('programme-total').innerText()).toMatch(/Tổng thời lượng/);
    await snap(page, '04-programme-builder');
  });

  it('keeps unsaved edits through a closed page and offers them back', async () => {
    await page.locator('[data-nav="library"]').click();
    await page.getByTestId('new-bulletin').click();
    await page.getByTestId('bulletin-title').fill('Thông báo chưa kịp lưu');
    await page.getByTestId('bulletin-script').fill('Mất điện giữa chừng.');
    await page.reload();
    await page.getByTestId('draft-restore').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('bulletin-title').inputValue()).toBe('Thông báo chưa kịp lưu');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/bulletins\/\d+$/);
  });

  it('finds everything intact after the host restarts on the same data directory', async () => {
    await page.locator('[data-nav="programmes"]').click();
    await page.locator('[data-programme-id]').first().click();
    await page.waitForURL(/#\/programmes\/\d+$/);
    const programmeUrl = page.url().replace(/^.*#/, '#');
    await host.stop();
    // The screen says the link is down rather than failing silently.
    await page.getByTestId('disconnected').waitFor();
    host = await startHost(temp.dir);
    await page.goto(host.url);
    await page.getByTestId('search').fill('lich tiem chung');
    await expect.poll(() => page.locator('[data-testid="bulletin-table"] tbody tr').count()).toBe(1);
    await page.evaluate((hash) => (location.hash = hash), programmeUrl);
    await expect
      .poll(() => page.locator('.order-item .order-label').allInnerTexts())
      .toEqual(['Lịch tiêm chủng mở rộng', 'Thời tiết ngày mai']);
  });

  it('switches the interface to English and back', async () => {
    await page.locator('[data-nav="settings"]').click();
    await page.getByTestId('ui-language').selectOption('en');
    await expect.poll(() => page.locator('[data-nav="library"]').innerText()).toBe('Library');
    await snap(page, '05-settings-english');
    await page.locator('[data-nav="library"]').click();
    await expect.poll(() => page.getByTestId('new-bulletin').innerText()).toBe('+ New bulletin');
    await snap(page, '06-library-english');
    await page.locator('[data-nav="settings"]').click();
    await page.getByTestId('ui-language').selectOption('vi');
    await expect.poll(() => page.locator('[data-nav="library"]').innerText()).toBe('Thư viện');
    // The choice is stored with the library: a fresh page opens in the chosen language.
    await page.getByTestId('ui-language').selectOption('en');
    await page.reload();
    await expect.poll(() => page.locator('[data-nav="settings"]').innerText()).toBe('Settings');
    await page.getByTestId('ui-language').selectOption('vi');
    await expect.poll(() => page.locator('[data-nav="settings"]').innerText()).toBe('Cài đặt');
  });

  it('shows a backup job with its progress and outcome in the jobs panel', async () => {
    await page.locator('[data-nav="settings"]').click();
    await page.getByPlaceholder(/Thư mục đích/).fill(path.join(temp.dir, 'sao-luu'));
    await page.getByRole('button', { name: 'Sao lưu' }).click();
    await page.getByTestId('jobs-toggle').click();
    const job = page.locator('[data-testid="jobs-panel"] [data-job-kind="library.backup"]');
    await expect.poll(() => job.innerText()).toMatch(/Sao lưu thư viện\s+Hoàn tất/);
    await snap(page, '08-jobs-panel');
    await page.getByTestId('jobs-toggle').click();
  });

  it('has a working areas screen', async () => {
    await page.locator('[data-nav="areas"]').click();
    await page.locator('.new-area input').first().fill('Tỉnh Lào Cai');
    await page.locator('.new-area button').first().click();
    await expect.poll(() => page.locator('[data-area="Tỉnh Lào Cai"]').count()).toBe(1);
    await snap(page, '07-areas');
  });
});
