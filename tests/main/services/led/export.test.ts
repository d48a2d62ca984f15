/**
 * Export: PNG frames and the GIF decode (fast-png; ffmpeg as an independent GIF reader) to
 * exactly the shared rasteriser's frames; the notice package lists what it wrote.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import { afterEach, describe, expect, it } from 'vitest';
import { boardFrame, type Bitmap } from '../../../../src/shared/led';
import {
  NOTICE_FORMAT,
  boardPalette,
  exportNoticePackage,
  exportPngFrames,
  parseProgramme,
  programmeDurationMs,
  renderGif,
} from '../../../../src/main/services/led';
import { makeTempDir } from '../../../helpers/temp-dir';

const programme = parseProgramme({
  name: 'Tin khẩn',
  width: 64,
  height: 32,
  areas: [
    { kind: 'text', x: 0, y: 0, width: 64, height: 16, pages: [{ text: 'Bão số 3', size: 16, effect: 'blink', stayMs: 1000, colour: 'yellow' }] },
    { kind: 'text', x: 0, y: 16, width: 64, height: 16, pages: [{ text: 'Sơ tán ngay', size: 13, effect: 'scroll-left', speed: 64, colour: 'green' }] },
  ],
});

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));
const tempDir = (): string => {
  const { dir, remove } = makeTempDir('led-export-');
  temps.push(remove);
  return dir;
};

const asRgb = (frame: Bitmap, colourClass: 'single' | 'dual'): Buffer => {
  const palette = boardPalette(colourClass);
  return Buffer.from(Array.from(frame.data).flatMap((v) => palette[v]!));
};

describe('PNG frames', () => {
  it('writes one PNG per frame that decodes to the rasteriser frame, with progress', async () => {
    const dir = tempDir();
    const progress: number[] = [];
    const frames = await exportPngFrames(programme, dir, { colourClass: 'dual', fps: 10, toMs: 1000, onProgress: (d) => progress.push(d) });
    expect(frames).toHaveLength(10);
    expect(progress).toEqual([...Array(10).keys()].map((i) => i + 1));
    for (const { file, atMs } of frames) {
      const png = decode(fs.readFileSync(path.join(dir, file)));
      expect([png.width, png.height, png.channels]).toEqual([64, 32, 3]);
      expect(Buffer.from(png.data as Uint8Array).equals(asRgb(boardFrame(programme, atMs), 'dual'))).toBe(true);
    }
  });

  it('shows a single-colour board in red only', async () => {
    const dir = tempDir();
    const [first] = await exportPngFrames(programme, dir, { colourClass: 'single', fps: 1, toMs: 1 });
    const png = decode(fs.readFileSync(path.join(dir, first!.file)));
    const colours = new Set<string>();
    for (let i = 0; i < png.data.length; i += 3) colours.add(`${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`);
    expect(colours).toEqual(new Set(['0,0,0', '255,0,0']));
  });

  it('stops with a cancelled error, and rejects a bad frame rate', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exportPngFrames(programme, tempDir(), { colourClass: 'dual', signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    await expect(exportPngFrames(programme, tempDir(), { colourClass: 'dual', fps: 0 })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('animated GIF', () => {
  it('decodes (ffmpeg) to the rasteriser frames at their times', () => {
    const dir = tempDir();
    const gif = renderGif(programme, { colourClass: 'dual', fps: 10, toMs: 1500 });
    const gifPath = path.join(dir, 'notice.gif');
    fs.writeFileSync(gifPath, gif);
    const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', gifPath, '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
      maxBuffer: 64 << 20,
    });
    const size = 64 * 32 * 3;
    expect(raw.length).toBe(15 * size);
    for (let i = 0; i < 15; i++)
      expect(raw.subarray(i * size, (i + 1) * size).equals(asRgb(boardFrame(programme, i * 100), 'dual')), `frame ${i}`).toBe(true);
  });
});

describe('notice package', () => {
  it('writes notice.json (programme, board, bulletin link, SHA-256 of each PNG) and the frames', async () => {
    const dir = tempDir();
    const { manifest, files } = await exportNoticePackage(programme, dir, { bulletinId: 7, priority: 'emergency', areaIds: [3] }, { colourClass: 'dual' });
    const notice = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    expect(notice).toMatchObject({ format: NOTICE_FORMAT, version: 1, bulletinId: 7, priority: 'emergency', board: { width: 64, height: 32 } });
    expect(notice.durationMs).toBe(programmeDurationMs(programme));
    expect(files.length).toBe(Math.ceil((programmeDurationMs(programme) * 2) / 1000));
    for (const entry of notice.frames)
      expect(createHash('sha256').update(fs.readFileSync(path.join(dir, entry.file))).digest('hex')).toBe(entry.sha256);
    expect(parseProgramme(notice.programme)).toEqual(programme);
    expect(fs.existsSync(`${manifest}.tmp`)).toBe(false);
  });

  it('refuses an invalid programme with a coded error', () => {
    expect(() => parseProgramme({ name: 'x', width: 10, height: 10, areas: [] })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});
