import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { chooseFolder } from '../helpers/pickers.ts';
import { snap } from '../helpers/screenshots.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { makeRelease } from '../main/services/updates/release-fixture.ts';

describe('Settings → Cập nhật in Chromium', () => {
  const s = useBrowserSession({ width: 1280, height: 900 });
  const temp = makeTempDir('studio-e2e-updates-');
  const good = makeRelease(path.join(temp.dir, 'usb-good'), '0.2.0', { notes: 'Bản 0.2.0:\n- Đọc đúng số điện thoại.\n- Sửa lỗi sao lưu.' });
  const bad = makeRelease(path.join(temp.dir, 'usb-bad'), '0.3.0');
  // One byte of the installer changed on the stick.
  const bytes = fs.readFileSync(bad.installer);
  bytes[5000] = bytes[5000]! ^ 0x20;
  fs.writeFileSync(bad.installer, bytes);

  const checkFolder = async (folder: string) => {
    await s.page.getByTestId('update-source-folder').check();
    await chooseFolder(s.page, 'update-location', folder);
    await s.page.getByTestId('update-check').click();
  };

  it('shows the available version and its notes from a folder, and refuses a tampered folder with its reason', async () => {
    await s.page.goto(s.host.url);
    await s.page.locator('[data-nav="settings"]').click();
    await s.page.getByTestId('settings-updates').waitFor();
    await snap(s.page, 'settings-with-updates-link');
    await s.page.getByTestId('settings-updates').click();
    await s.page.getByRole('heading', { name: 'Cập nhật', exact: true }).waitFor();
    await expect.poll(() => s.page.getByTestId('update-status').innerText()).toContain('Phiên bản đang dùng: 0.1.0');

    await checkFolder(good.dir);
    await expect.poll(() => s.page.getByTestId('update-available').innerText()).toBe('Phiên bản mới: 0.2.0');
    expect(await s.page.getByTestId('update-notes').innerText()).toBe('Bản 0.2.0:\n- Đọc đúng số điện thoại.\n- Sửa lỗi sao lưu.');
    // Browser mode checks; only the desktop app downloads and installs.
    expect(await s.page.getByTestId('update-status').innerText()).toContain('chỉ làm được trong ứng dụng Studio trên máy tính');
    await snap(s.page, 'updates-available');

    await checkFolder(bad.dir);
    const refusal = s.page.getByTestId('update-refusal');
    await expect.poll(() => refusal.innerText()).toContain('Mã kiểm tra sha512 của tệp Studio-Setup-0.3.0.exe không khớp');
    expect(await refusal.innerText()).toMatch(/^Không cập nhật: /);
    expect(await s.page.getByTestId('update-available').count()).toBe(0);
    await snap(s.page, 'updates-refused');

    // The source is kept for the next visit.
    await s.page.reload();
    await expect.poll(() => s.page.getByTestId('update-location-value').textContent()).toBe(bad.dir);
    temp.remove();
  }, 120_000);
});
