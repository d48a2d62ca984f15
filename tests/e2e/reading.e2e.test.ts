import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHost, type RunningHost } from '../helpers/browser-host.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { snap } from '../helpers/screenshots.ts';

const sentences = (page: Page) => page.getByTestId('reading-sentence').allInnerTexts();

describe('reading preview in Chromium', () => {
  const temp = makeTempDir();
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost(temp.dir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    temp.remove();
  });

  it('shows what will be spoken, lets the editor choose an ambiguous reading, and applies the dictionary', async () => {
    await page.goto(host.url);
    await page.locator('[data-nav="reading"]').click();
    await page.getByTestId('reading-text').fill('UBND xã thông báo: ngày 18/9/2024 giá 50.000đ.\n\nTT Phong Điền mất điện 2 giờ.');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reading-sentence"]').length === 2);
    let texts = await sentences(page);
    expect(texts[0]).toContain('ủy ban nhân dân xã thông báo: ngày mười tám tháng chín năm hai nghìn không trăm hai mươi tư giá năm mươi nghìn đồng.');
    expect(texts[1]).toContain('Phong Điền mất điện hai giờ.');
    const choice = page.getByTestId('reading-ambiguity').locator('select');
    expect(await choice.inputValue()).toBe('thị trấn');
    await snap(page, 'reading-preview');

    await choice.selectOption('thông tư');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="reading-ambiguity"] select') as HTMLSelectElement | null)?.value === 'thông tư',
    );

    await page.getByLabel(/Từ \/ chữ viết tắt/).fill('Phong Điền');
    await page.getByLabel(/Cách đọc/).first().fill('Phong Điền, Thừa Thiên Huế');
    await page.locator('[data-testid="dictionary-panel"] button[type="submit"]').click();
    await page.getByTestId('dictionary-entry').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reading-sentence"]')[1]?.textContent?.includes('Thừa Thiên Huế'));
    texts = await sentences(page);
    expect(texts[1]).toContain('Phong Điền, Thừa Thiên Huế mất điện hai giờ.');
    await snap(page, 'reading-dictionary');
  }, 120_000);
});
