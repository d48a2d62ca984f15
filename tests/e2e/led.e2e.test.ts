/**
 * LED boards in Chromium (browser mode): create a board profile, make a notice from a Vietnamese
 * bulletin, see the preview, screenshot it at a chosen time and compare its LED dots with the PNG
 * frame the export writes for the same time; send it to an emulated BX board over TCP; open the
 * 1:1 synchronous output view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openStudio } from '../../src/main/studio.ts';
import { launchBrowser, startHost, type RunningHost } from '../helpers/browser-host.ts';
import { snap } from '../helpers/screenshots.ts';
import { asTestStudio } from '../helpers/studio.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { BoardEmulator, startTcpEmulator } from '../main/services/led/bx-emulator.ts';

/** A colour as the board's palette index: 0 dark, 1 red, 2 green, 3 yellow (dimming keeps the hue). */
function paletteIndex(r: number, g: number, b: number, unlit: [number, number, number]): number {
  if ((r === unlit[0] && g === unlit[1] && b === unlit[2]) || r + g + b === 0) return 0;
  if (b !== 0) return -1;
  if (g === 0) return 1;
  if (r === 0) return 2;
  return r === g ? 3 : -1;
}

async function waitForPaint(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('LED boards in Chromium', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let host: RunningHost | null = null;
  let browser: Browser | null = null;
  let closeEmulator: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await browser?.close();
    await host?.stop();
    await closeEmulator?.();
    temp?.remove();
    browser = host = temp = closeEmulator = null;
  });

  it('designs a notice from a bulletin; the preview equals the exported frame; it reaches the board', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'studio');
    const seeding = openStudio({ dataDir, transport: 'test' });
    const bulletin = await asTestStudio(seeding, dataDir).call('bulletin.create', {
      title: 'Khẩn cấp: lũ quét',
      script: 'Mưa lớn gây lũ quét ở các bản ven suối. Người dân tuyệt đối không qua ngầm tràn, không đánh bắt cá trên suối. Gọi 112 khi khẩn cấp.',
      priority: 'emergency',
    });
    await seeding.close();
    const emulator = new BoardEmulator();
    const server = await startTcpEmulator(emulator);
    closeEmulator = server.close;

    host = await startHost(dataDir);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });

    // A board profile: P10 modules 6 × 2 = 192 × 32, two colours, Onbon BX-5K2 over TCP.
    await page.goto(`${host.url}#/led`);
    await page.getByTestId('board-add').click();
    await page.getByTestId('board-name').fill('Bảng chợ xã Hòa Bình');
    await page.getByTestId('board-across').fill('6');
    await page.getByTestId('board-down').fill('2');
    await expect.poll(() => page.getByTestId('board-pixels').textContent()).toContain('192 × 32');
    await page.getByTestId('board-colour').selectOption('dual');
    await page.getByTestId('board-host').fill('127.0.0.1');
    await page.getByTestId('board-port').fill(String(server.port));
    await snap(page, 'led-board-editor');
    await page.getByTestId('board-save').click();
    await page.getByTestId('board-list').getByText('Bảng chợ xã Hòa Bình').waitFor();

    // From the bulletin screen to a board notice.
    await page.goto(`${host.url}#/bulletins/${bulletin.id}`);
    await page.getByTestId('bulletin-led-make').click();
    await page.getByTestId('from-bulletin').waitFor();
    await expect.poll(() => page.getByTestId('from-bulletin-text').inputValue()).toMatch(/^Mưa lớn gây lũ quét/);
    await page.getByTestId('from-bulletin-text').fill('Không qua ngầm tràn');
    await snap(page, 'led-from-bulletin');
    await page.getByTestId('from-bulletin-create').click();
    const canvas = page.getByTestId('led-canvas');
    await canvas.waitFor();
    expect(await page.getByTestId('notice-title').inputValue()).toBe('Khẩn cấp: lũ quét');
    expect(await page.getByTestId('area-0-page-0-effect').inputValue()).toBe('blink');
    expect(await page.getByTestId('area-1-page-0-text').inputValue()).toBe('Không qua ngầm tràn');
    expect(await canvas.getAttribute('data-width')).toBe('192');
    const zoom = Number(await canvas.getAttribute('data-zoom'));
    expect(zoom).toBeGreaterThanOrEqual(2);
    // The editor makes the short text scroll and saves: the time now moves every pixel.
    await page.getByTestId('area-1-page-0-effect').selectOption('scroll-left');
    await page.getByTestId('notice-save').click();
    await page.getByText('Đã lưu.').waitFor();
    await snap(page, 'led-designer');

    // Paused at 1.2 s (the blinking title is lit there: 1200 ms is in an even half-second).
    await page.getByTestId('led-play').click();
    await page.getByTestId('led-scrubber').fill('1200');
    await expect.poll(() => canvas.getAttribute('data-time')).toBe('1200');
    await waitForPaint(page);
    // The canvas may sit at a fractional CSS offset: clip the page at its whole-pixel box.
    const box = (await canvas.boundingBox())!;
    expect([box.width, box.height]).toEqual([192 * zoom, 32 * zoom]);
    const shot = decode(await page.screenshot({ clip: { x: Math.round(box.x), y: Math.round(box.y), width: 192 * zoom, height: 32 * zoom } }));
    expect([shot.width, shot.height]).toEqual([192 * zoom, 32 * zoom]);

    // Export PNG frames at 10 fps: frame 12 is t = 1200 ms.
    const framesDir = path.join(temp.dir, 'frames');
    await page.getByTestId('led-export-out').fill(framesDir);
    await page.getByTestId('led-export-button').click();
    await page.getByTestId('led-export').getByTestId('led-job-done').waitFor({ timeout: 60_000 });
    const exported = decode(fs.readFileSync(path.join(framesDir, 'frame-00012.png')));
    expect([exported.width, exported.height]).toEqual([192, 32]);

    // Every LED: the dot's centre on screen has the exported pixel's colour (0 = unlit).
    const channels = shot.channels;
    let lit = 0;
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 192; x++) {
        const s = ((y * zoom + Math.floor(zoom / 2)) * shot.width + x * zoom + Math.floor(zoom / 2)) * channels;
        const e = (y * 192 + x) * exported.channels;
        const onScreen = paletteIndex(shot.data[s]!, shot.data[s + 1]!, shot.data[s + 2]!, [28, 10, 10]);
        const inFile = paletteIndex(exported.data[e]!, exported.data[e + 1]!, exported.data[e + 2]!, [0, 0, 0]);
        expect(onScreen, `LED ${x},${y}`).toBe(inFile);
        if (inFile) lit++;
      }
    expect(lit).toBeGreaterThan(200); // both lines are there, not a blank board

    // Send to the emulated board: it rebuilds the frame at 0 ms, equal to exported frame 0.
    await page.getByTestId('led-send-button').click();
    await page.getByTestId('led-send').getByTestId('led-job-done').waitFor({ timeout: 60_000 });
    const first = decode(fs.readFileSync(path.join(framesDir, 'frame-00000.png')));
    for (let i = 0; i < 192 * 32; i++)
      expect(emulator.shown!.data[i], `board pixel ${i}`).toBe(paletteIndex(first.data[i * 3]!, first.data[i * 3 + 1]!, first.data[i * 3 + 2]!, [0, 0, 0]));
    await snap(page, 'led-sent');

    // The package for the source system goes only with an approved bulletin: this one is a draft.
    await page.getByTestId('led-deliver-button').click();
    await expect.poll(() => page.getByTestId('led-deliver').locator('.notice-error').textContent()).toMatch(/chưa được duyệt/);

    // A clock area in a band at the bottom: the design stays valid and the preview keeps playing.
    await page.getByTestId('add-clock').click();
    expect(await page.getByTestId('area-2-format').inputValue()).toBe('HH:mm');
    expect(await page.getByTestId('notice-invalid').count()).toBe(0);
    await page.getByTestId('led-play').click();
    await snap(page, 'led-clock');

    // The synchronous output: its own window, the board alone, 1:1, on black.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('led-output-link').click()]);
    const output = popup.getByTestId('led-output');
    await output.waitFor();
    expect(popup.url()).toMatch(/#\/led-output\/\d+$/);
    expect(await popup.locator('.sidebar').count()).toBe(0);
    const outputBox = await output.boundingBox();
    expect([outputBox?.width, outputBox?.height]).toEqual([192, 32]);
    expect(await popup.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(0, 0, 0)');
    await popup.setViewportSize({ width: 400, height: 120 });
    await snap(popup, 'led-output');
  });
});
