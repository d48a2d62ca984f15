import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { snap } from '../helpers/screenshots.ts';

const sentences = (page: Page) => page.getByTestId('reading-sentence').allInnerTexts();

describe('reading preview in Chromium', () => {
  const s = useBrowserSession({ width: 1280, height: 900 });

  it('shows what will be spoken, lets the editor choose an ambiguous reading, and applies the dictionary', async () => {
    await s.page.goto(s.host.url);
    await s.page.locator('[data-nav="reading"]').click();
    await s.page.getByTestId('reading-text').fill('UBND xã thông báo: ngày 18/9/2024 giá 50.000đ.\n\nTT Phong Điền mất điện 2 giờ.');
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="reading-sentence"]').length === 2);
    let texts = await sentences(s.page);
    expect(texts[0]).toContain('ủy ban nhân dân xã thông báo: ngày mười tám tháng chín năm hai nghìn không trăm hai mươi tư giá năm mươi nghìn đồng.');
    expect(texts[1]).toContain('Phong Điền mất điện hai giờ.');
    const choice = s.page.getByTestId('reading-ambiguity').locator('select');
    expect(await choice.inputValue()).toBe('thị trấn');
    await snap(s.page, 'reading-preview');

    await choice.selectOption('thông tư');
    await s.page.waitForFunction(
      () => (document.querySelector('[data-testid="reading-ambiguity"] select') as HTMLSelectElement | null)?.value === 'thông tư',
    );

    await s.page.getByLabel(/Từ \/ chữ viết tắt/).fill('Phong Điền');
    await s.page.getByLabel(/Cách đọc/).first().fill('Phong Điền, Thừa Thiên Huế');
    await s.page.locator('[data-testid="dictionary-panel"] button[type="submit"]').click();
    await s.page.getByTestId('dictionary-entry').waitFor();
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="reading-sentence"]')[1]?.textContent?.includes('Thừa Thiên Huế'));
    texts = await sentences(s.page);
    expect(texts[1]).toContain('Phong Điền, Thừa Thiên Huế mất điện hai giờ.');
    await snap(s.page, 'reading-dictionary');
  }, 120_000);
});
