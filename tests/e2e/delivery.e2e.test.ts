import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccount, createToken } from '../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../src/source-server/server.ts';
import { launchBrowser, startHost, type RunningHost } from '../helpers/browser-host.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { seedApprovedBulletin } from '../main/services/delivery/package/fixtures.ts';
import { chooseFolder } from '../helpers/pickers.ts';

const SHOTS = process.env.STUDIO_SCREENSHOTS ?? '/tmp';

async function open(page: Page, host: RunningHost, hash: string) {
  await page.goto(`${host.url}${hash}`);
  await page.waitForSelector('.page-header h1');
}

describe('delivery in Chromium', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let host: RunningHost | null = null;
  let browser: Browser | null = null;
  let server: SourceServer | null = null;
  afterEach(async () => {
    await browser?.close();
    await host?.stop();
    await server?.close();
    temp?.remove();
    browser = host = server = temp = null;
  });

  it('configures the source system, tests it, sends a bulletin and sees it received', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'studio');
    server = await startSourceServer({ dataDir: path.join(temp.dir, 'source'), host: '127.0.0.1', port: 0, log: () => undefined });
    createAccount(server.db, 'xa-ban-ho');
    const token = createToken(server.db, 'xa-ban-ho');
    const seeded = await seedApprovedBulletin(dataDir);

    host = await startHost(dataDir);
    let hostLog = '';
    host.process.stdout!.on('data', (chunk) => (hostLog += chunk));
    host.process.stderr!.on('data', (chunk) => (hostLog += chunk));
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });

    // Connection settings: a wrong token first, then the right one.
    await open(page, host, '#/connection');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hệ thống thông tin nguồn');
    await page.getByTestId('server-url').fill(server.url);
    await page.getByTestId('token').fill('sai-ma-truy-cap-123');
    await page.getByTestId('test-connection').click();
    await page.locator('.notice-error').waitFor();
    expect(await page.locator('.notice-error').textContent()).toMatch(/truy cập|token/i);

    await page.getByTestId('token').fill(token);
    await page.getByTestId('test-connection').click();
    await page.getByTestId('connection-ok').waitFor();
    expect(await page.getByTestId('connection-ok').textContent()).toContain('xa-ban-ho');
    // Sent files kept 45 days rather than the default 30 (what comes back is what the studio stored).
    expect(await page.getByTestId('keep-files-days').inputValue()).toBe('30');
    await page.getByTestId('keep-files-days').fill('45');
    await page.getByTestId('save-connection').click();
    await expect.poll(() => page.getByTestId('token-state').textContent()).toMatch(/Đã lưu một mã truy cập/);
    await page.reload();
    await expect.poll(() => page.getByTestId('keep-files-days').inputValue()).toBe('45');
    // Write-only: the field is emptied and the token appears nowhere on the screen.
    expect(await page.getByTestId('token').inputValue()).toBe('');
    expect(await page.content()).not.toContain(token);
    await page.screenshot({ path: path.join(SHOTS, 'delivery-connection.png'), fullPage: true });

    // Reloaded, the screen learns only that a token is stored.
    await page.reload();
    await page.getByTestId('token-state').waitFor();
    expect(await page.getByTestId('server-url').inputValue()).toBe(server.url);
    expect(await page.content()).not.toContain(token);

    // "Gửi" from the bulletin.
    await open(page, host, `#/bulletins/${seeded.id}`);
    await page.getByTestId('deliver-card').waitFor();
    await page.getByTestId('deliver-target').selectOption('source');
    await page.getByTestId('deliver-button').click();
    await page.getByTestId('deliver-queued').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'delivery-bulletin.png'), fullPage: true });

    // The outbox shows it reach the source system: "Đã nhận".
    await page.getByTestId('deliver-queued').getByRole('link').click();
    const row = page.locator('tr.outbox-row').first();
    await row.waitFor();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('delivered');
    await expect.poll(() => row.getAttribute('data-remote-status'), { timeout: 30_000 }).toBe('received');
    expect(await row.getByTestId('remote-status').textContent()).toBe('Đã nhận');
    await page.screenshot({ path: path.join(SHOTS, 'delivery-outbox.png'), fullPage: true });

    // The server holds exactly one copy, the same audio, with the bulletin's metadata.
    const received = server.records.list(null, 100);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ status: 'received' });
    expect(JSON.stringify(received[0])).toContain(seeded.sha256);
    expect(JSON.stringify(received[0])).toContain('Cảnh báo lũ quét');

    // The token never reached a log.
    expect(hostLog).not.toContain(token);
  });

  it('writes a package to a folder through the outbox and imports a package from the screen', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'studio');
    const usb = path.join(temp.dir, 'usb');
    const seeded = await seedApprovedBulletin(dataDir);
    host = await startHost(dataDir);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });

    await open(page, host, `#/bulletins/${seeded.id}`);
    await page.getByTestId('deliver-target').selectOption('package');
    fs.mkdirSync(usb);
    await chooseFolder(page, 'deliver-folder', usb);
    await page.getByTestId('deliver-button').click();
    await page.getByTestId('deliver-queued').waitFor();

    await open(page, host, '#/outbox');
    const row = page.locator('tr.outbox-row').first();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('delivered');
    const [folder] = fs.readdirSync(usb);
    expect(folder).toMatch(/^canh-bao-lu-quet-ban-ho-\d+-\d{8}$/);
    expect(await row.getByTestId('package-folder').textContent()).toBe(`Gói: ${folder}`);
    await page.screenshot({ path: path.join(SHOTS, 'delivery-outbox-package.png'), fullPage: true });

    // A tampered copy is refused whole with the reason on screen…
    const tampered = path.join(temp.dir, 'tampered');
    fs.cpSync(path.join(usb, folder!), tampered, { recursive: true });
    fs.appendFileSync(path.join(tampered, 'audio.wav'), 'x');
    await chooseFolder(page, 'package-path', tampered);
    await page.getByTestId('package-import-start').click();
    await page.getByTestId('package-import').locator('.notice-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('package-import').locator('.notice-error').textContent()).toMatch(/Gói dữ liệu bị từ chối.*audio\.wav/);

    // …and the package as written is recognised as this studio's own: it points to the bulletin
    // it came from instead of making a duplicate (importing from another studio: package-roundtrip).
    await chooseFolder(page, 'package-path', path.join(usb, folder!));
    await page.getByTestId('package-import-start').click();
    await expect
      .poll(() => page.getByTestId('package-import').locator('.notice-error').textContent(), { timeout: 30_000 })
      .toContain('Gói này do chính trạm này tạo từ bản tin “Cảnh báo lũ quét — Bản Hồ”');
    expect(await page.getByTestId('package-imported').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'delivery-package-import.png'), fullPage: true });
  }, 180_000);

  it('shows a failed attempt with its reason, cancels, and delivers on "Gửi lại ngay" once the server is back', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'studio');
    const sourceDir = path.join(temp.dir, 'source');
    // Learn a free port, then stop the server: the province's server is down.
    const probe = await startSourceServer({ dataDir: sourceDir, host: '127.0.0.1', port: 0, log: () => undefined });
    createAccount(probe.db, 'xa-ban-ho');
    const token = createToken(probe.db, 'xa-ban-ho');
    const { port, url } = probe;
    await probe.close();
    const seeded = await seedApprovedBulletin(dataDir, async (s) => {
      await s.call('delivery.settings.update', { serverUrl: url, token });
    });
    // A long backoff: the item waits for the user's "retry now" rather than retrying by itself.
    host = await startHost(dataDir, { STUDIO_OUTBOX_RETRY_BASE_MS: '600000' });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });

    await open(page, host, `#/bulletins/${seeded.id}`);
    await page.getByTestId('deliver-button').click();
    await page.getByTestId('deliver-queued').waitFor();
    await open(page, host, '#/outbox');
    const row = page.locator('tr.outbox-row').first();
    await row.getByTestId('outbox-error').waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-state')).toBe('queued');
    expect(await row.getByTestId('outbox-error').textContent()).toMatch(/kết nối|máy chủ/i);
    await page.screenshot({ path: path.join(SHOTS, 'delivery-outbox-error.png'), fullPage: true });

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByTestId('outbox-cancel').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('cancelled');
    expect(await row.getByTestId('outbox-state').textContent()).toBe('Đã hủy');

    server = await startSourceServer({ dataDir: sourceDir, host: '127.0.0.1', port, log: () => undefined });
    await row.getByTestId('outbox-retry').click();
    await expect.poll(() => row.getAttribute('data-remote-status'), { timeout: 60_000 }).toBe('received');
    expect(await row.getByTestId('outbox-state').textContent()).toBe('Đã gửi');
    expect(server.records.list(null, 10)).toHaveLength(1);
  });
});
