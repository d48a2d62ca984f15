import path from 'node:path';
import type { Page } from 'playwright-core';

/** Set STUDIO_SCREENSHOTS=/some/dir to keep a picture of every screen an end-to-end test passes through. */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = process.env.STUDIO_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
