/**
 * The devices screen ("Thiết bị") in Chromium against the browser-mode host: add a receiver on a
 * socat pty and send a file to lrzsz `rb` on the other end with progress; add an STM32 board on a
 * second pty and flash the AN3155 emulator from the screen, through the checks and the
 * confirmation, to "verified"; then a Modbus transmitter's telemetry. A receiver's pty made and
 * removed while the screen is open comes and goes in the port list (the studio's watch, no
 * reload), and "Nhận tệp" fetches a log from `sb`. Ptys ignore baud and parity.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServerSerial } from 'modbus-serial';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from '../helpers/browser-session.ts';
import { snap } from '../helpers/screenshots.ts';
import { Stm32Emulator } from '../main/services/serial/stm32-emulator.ts';
import { applicationImage } from '../main/services/serial/firmware-fixtures.ts';
import { openPtyPair, receiverAsking, runOnPty, type PtyPair } from '../main/services/serial/pty.ts';

const session = useBrowserSession({ width: 1280, height: 900 });
const LONG = 300_000;
let receiverPty: PtyPair;
let boardPty: PtyPair;
let transmitterPty: PtyPair;

beforeAll(async () => {
  [receiverPty, boardPty, transmitterPty] = await Promise.all([openPtyPair(), openPtyPair(), openPtyPair()]);
});
afterAll(async () => {
  await Promise.all([receiverPty?.close(), boardPty?.close(), transmitterPty?.close()]);
});

async function addDevice(page: Page, name: string, kind: string, driver: string, portPath: string, extra?: (page: Page) => Promise<void>) {
  await page.getByTestId('device-add').click();
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-kind').selectOption(kind);
  await page.getByTestId('profile-driver').selectOption(driver);
  await page.getByTestId('profile-port').fill(portPath);
  await extra?.(page);
  await page.getByTestId('profile-save').click();
  await expect.poll(() => page.getByTestId('device-detail').locator('h2').textContent()).toBe(name);
}

describe('devices screen in Chromium', () => {
  it('adds a receiver on a pty and sends a file to rb with progress; it arrives byte-identical', async () => {
    const { page, host } = session;
    await page.goto(`${host.url}#/devices`);
    await expect.poll(() => page.locator('.page-header h1').textContent()).toBe('Thiết bị');
    await expect.poll(() => page.locator('a[data-nav="devices"]').textContent()).toBe('Thiết bị');
    await snap(page, 'devices-empty');

    await page.getByTestId('device-add').click();
    await snap(page, 'devices-editor');
    await page.getByTestId('profile-name').fill('Máy thu xã Tân Lập');
    await page.getByTestId('profile-port').fill(receiverPty.a);
    await page.getByTestId('profile-save').click();
    await expect.poll(() => page.getByTestId('device-item').count()).toBe(1);

    const file = path.join(receiverPty.dir, 'ban-tin-sang.mp3');
    const data = randomBytes(3 * 1024 * 1024);
    fs.writeFileSync(file, data);
    const work = fs.mkdtempSync(path.join(receiverPty.dir, 'rb-'));
    const rb = runOnPty('rb', ['-q'], receiverPty.b, work);

    await page.getByTestId('send-source').selectOption('file');
    await page.getByTestId('send-file').fill(file);
    await page.getByTestId('send-start').click();
    // Progress shows while the bytes go out: a bar with a value, the stage and the byte count.
    await page.locator('[data-testid="serial-job"][data-state="running"] [role="progressbar"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('serial-stage').textContent(), { timeout: 60_000 }).toBe('Đang gửi');
    await expect
      .poll(async () => Number(await page.locator('[data-testid="serial-job"] [role="progressbar"]').getAttribute('aria-valuenow')), { timeout: 60_000 })
      .toBeGreaterThan(5);
    await snap(page, 'devices-sending');
    await page.getByTestId('send-done').waitFor({ timeout: LONG });
    expect(await page.getByTestId('send-done').textContent()).toContain('ban-tin-sang.mp3');
    expect((await rb.done).code).toBe(0);
    expect(fs.readFileSync(path.join(work, 'ban-tin-sang.mp3')).equals(data)).toBe(true);
    await snap(page, 'devices-sent');
  }, LONG);

  it('a receiver plugged in after it was added shows in the port list without a reload; "Nhận tệp" fetches its log from sb; unplugged, it goes', async () => {
    const { page } = session;
    const later = path.join(receiverPty.dir, 'ttyLATER');
    await addDevice(page, 'Máy thu ấp 3', 'receiver', 'ymodem', later);
    const ports = () => page.getByTestId('port-item').allTextContents();
    expect((await ports()).join('\n')).not.toContain(later);
    const plugged = await openPtyPair({ a: later, b: path.join(receiverPty.dir, 'ttyLATER-device') });
    try {
      await expect.poll(async () => (await ports()).join('\n'), { timeout: 60_000 }).toContain(later);
      const outbox = fs.mkdtempSync(path.join(receiverPty.dir, 'sb-'));
      const log = Buffer.from('2026-12-02 06:00 phát bản tin sáng OK\n'.repeat(800));
      fs.writeFileSync(path.join(outbox, 'nhat-ky.log'), log);
      const dest = path.join(receiverPty.dir, 'logs');
      const panel = page.getByTestId('receive-panel');
      await panel.getByTestId('receive-dest').fill(dest);
      await panel.getByTestId('receive-start').click();
      await receiverAsking(plugged.b);
      const sb = runOnPty('sb', ['-q', '-k', 'nhat-ky.log'], plugged.b, outbox);
      await panel.getByTestId('receive-done').waitFor({ timeout: LONG });
      expect((await sb.done).code).toBe(0);
      expect(await panel.getByTestId('received-file').textContent()).toContain('nhat-ky.log');
      expect(fs.readFileSync(path.join(dest, 'nhat-ky.log')).equals(log)).toBe(true);
      await snap(page, 'devices-received');
    } finally {
      await plugged.close();
    }
    await expect.poll(async () => (await ports()).join('\n'), { timeout: 60_000 }).not.toContain(later);
    await snap(page, 'devices-unplugged');
  }, LONG);

  it('flashes the STM32 emulator from the screen: checks shown, confirmation, progress, verified', async () => {
    const { page } = session;
    const emulator = await Stm32Emulator.start(boardPty.b);
    try {
      await addDevice(page, 'Bộ điều khiển bảng LED', 'led_controller', 'stm32', boardPty.a, (p) => p.getByTestId('profile-parity').selectOption('even').then(() => undefined));
      const image = applicationImage(24_000);
      const file = path.join(boardPty.dir, 'led-v2.bin');
      fs.writeFileSync(file, image);

      await page.getByTestId('identify').click();
      await expect.poll(() => page.getByTestId('identity').textContent(), { timeout: 60_000 }).toContain('stm32:0x410');

      // A bad image first: refused with its reason, before anything is sent.
      const bad = path.join(boardPty.dir, 'bad.bin');
      fs.writeFileSync(bad, applicationImage(4096, 0x1000_0000));
      await page.getByTestId('flash-file').fill(bad);
      await page.getByTestId('flash-check').click();
      await expect.poll(() => page.getByTestId('flash-panel').getByTestId('device-error').textContent()).toContain('con trỏ ngăn xếp');
      await snap(page, 'devices-flash-refused');
      expect(emulator.eraseCount).toBe(0);

      await page.getByTestId('flash-file').fill(file);
      await page.getByTestId('flash-check').click();
      await page.getByTestId('flash-checks').waitFor();
      expect(await page.getByTestId('flash-checks').textContent()).toContain('0x08000000');
      await page.getByTestId('flash-start').click();
      await snap(page, 'devices-flash-confirm');
      await page.getByTestId('flash-confirm').click();
      await page.getByTestId('flash-done').waitFor({ timeout: LONG });
      expect(await page.getByTestId('flash-done').getAttribute('data-verified')).toBe('true');
      expect(await page.getByTestId('flash-done').textContent()).toContain('kiểm tra lại khớp');
      expect(emulator.flash.subarray(0, image.length).equals(image)).toBe(true);
      expect(await page.locator('.serial-log li').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('Đang ghi'), expect.stringContaining('Đang kiểm tra lại')]),
      );
      await snap(page, 'devices-flashed');
    } finally {
      await emulator.stop();
    }
  }, LONG);

  it('a board that stops answering mid-flash: the error says what state it is in and what to do; after its reset the flash succeeds', async () => {
    const { page } = session;
    const emulator = await Stm32Emulator.start(boardPty.b);
    try {
      await page.getByTestId('device-item').filter({ hasText: 'Bộ điều khiển bảng LED' }).click();
      const image = applicationImage(40_000);
      const file = path.join(boardPty.dir, 'led-v3.bin');
      fs.writeFileSync(file, image);
      emulator.faults = { silentAtWrite: 60 };
      await page.getByTestId('flash-file').fill(file);
      await page.getByTestId('flash-check').click();
      await page.getByTestId('flash-start').click();
      await page.getByTestId('flash-confirm').click();
      const error = page.getByTestId('flash-panel').getByTestId('device-error');
      await expect.poll(() => error.getAttribute('data-code'), { timeout: LONG }).toBe('device_timeout');
      expect(await error.textContent()).toContain('Firmware mới chỉ được ghi một phần');
      expect(await error.textContent()).toContain('Nhấn nút reset');
      // The failure is told here, on the flash panel; the jobs panel does not open over the screen.
      expect(await page.getByTestId('jobs-panel').getAttribute('aria-hidden')).toBe('true');
      await snap(page, 'devices-flash-failed');

      emulator.faults = {};
      emulator.reset(); // the technician presses reset, as the error says
      await page.getByTestId('flash-check').click();
      await page.getByTestId('flash-start').click();
      await page.getByTestId('flash-confirm').click();
      await page.getByTestId('flash-done').waitFor({ timeout: LONG });
      expect(await page.getByTestId('flash-done').getAttribute('data-verified')).toBe('true');
      expect(emulator.flash.subarray(0, image.length).equals(image)).toBe(true);
      // The audit trail on the screen: newest first, the failure with the state it left.
      await page.getByTestId('flash-audit').locator('summary').click();
      await expect.poll(() => page.locator('[data-testid="flash-audit"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-result')))).toEqual(['verified', 'failed', 'verified']);
      expect(await page.locator('[data-testid="flash-audit"] tr[data-result="failed"]').textContent()).toContain('ghi một phần');
      await snap(page, 'devices-flash-audit');
    } finally {
      await emulator.stop();
    }
  }, LONG);

  it("shows a transmitter's telemetry, and keeps the last values marked stale when it stops answering", async () => {
    const { page } = session;
    const registers = [1250, 35, 412, 9990, 0];
    const server = await new Promise<ServerSerial>((resolve, reject) => {
      const s = new ServerSerial(
        { getHoldingRegister: (address: number) => registers[address] ?? 0, getInputRegister: (address: number) => registers[address] ?? 0 },
        { path: transmitterPty.b, baudRate: 9600, unitID: 1, openCallback: (error: Error | null) => (error ? reject(error) : resolve(s)) } as never,
      );
    });
    await addDevice(page, 'Máy phát FM 99,9', 'transmitter', 'modbus', transmitterPty.a, (p) => snap(p, 'devices-editor-modbus'));
    await page.getByTestId('status-panel').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('telemetry').textContent(), { timeout: 60_000 }).toContain('125');
    expect(await page.getByTestId('telemetry').textContent()).toContain('Công suất phát');
    await snap(page, 'devices-telemetry');
    await new Promise((r) => server.close(r as never));
    await page.getByTestId('status-panel').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('status-panel').getByTestId('device-error').getAttribute('data-code'), { timeout: 60_000 }).toBe('device_timeout');
    expect(await page.getByTestId('telemetry').textContent()).toContain('125');
    await snap(page, 'devices-telemetry-stale');
  }, LONG);
});
