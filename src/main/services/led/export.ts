/**
 * Exports a programme as PNG frames, an animated GIF, or a notice package (notice.json plus
 * PNG frames) for delivery. Every image comes from `boardFrame`, the preview's own function.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import { Programme, boardFrame, programmeDurationMs, type FrameClock, type ProgrammeInput } from '../../../shared/led';
import { frameToPng, framesToGif, type ColourClass } from './images';

export { programmeDurationMs };

export function parseProgramme(input: ProgrammeInput | unknown): Programme {
  const parsed = Programme.safeParse(input);
  if (!parsed.success) throw new StudioError('invalid_argument', 'led.programme', { issues: parsed.error.issues });
  return parsed.data;
}

export interface ExportOptions {
  colourClass: ColourClass;
  /** Frames per second (1–50); GIF viewers clamp delays under 20 ms. */
  fps?: number;
  fromMs?: number;
  /** End time (exclusive); default one full run of the programme. */
  toMs?: number;
  clock?: FrameClock;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

function frameTimes(programme: Programme, options: ExportOptions): number[] {
  const fps = options.fps ?? 25;
  if (!(fps >= 1 && fps <= 50)) throw new StudioError('invalid_argument', 'led.fps', { fps });
  const from = options.fromMs ?? 0;
  const to = options.toMs ?? from + programmeDurationMs(programme);
  const step = 1000 / fps;
  const times: number[] = [];
  for (let i = 0; from + i * step < to; i++) times.push(Math.round(from + i * step));
  return times;
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new StudioError('cancelled', 'led.export');
}

/** Writes frame-00000.png … into `dir`; returns the file names with their times. */
export async function exportPngFrames(
  programme: Programme,
  dir: string,
  options: ExportOptions,
): Promise<{ file: string; atMs: number }[]> {
  const times = frameTimes(programme, options);
  await fs.mkdir(dir, { recursive: true });
  const written: { file: string; atMs: number }[] = [];
  for (const [i, t] of times.entries()) {
    checkCancelled(options.signal);
    const file = `frame-${String(i).padStart(5, '0')}.png`;
    await fs.writeFile(path.join(dir, file), frameToPng(boardFrame(programme, t, options.clock), options.colourClass));
    written.push({ file, atMs: t });
    options.onProgress?.(i + 1, times.length);
  }
  return written;
}

export function renderGif(programme: Programme, options: ExportOptions): Uint8Array {
  const times = frameTimes(programme, options);
  const frames = times.map((t, i) => {
    checkCancelled(options.signal);
    options.onProgress?.(i + 1, times.length);
    return { frame: boardFrame(programme, t, options.clock), delayMs: (times[i + 1] ?? t + 1000 / (options.fps ?? 25)) - t };
  });
  return framesToGif(frames, options.colourClass);
}

export const NOTICE_FORMAT = 'studio-led-notice';

export interface NoticeMeta {
  /** The bulletin the notice was made from, if any. */
  bulletinId?: number;
  priority?: 'normal' | 'priority' | 'emergency';
  areaIds?: number[];
}

/**
 * A notice package: notice.json (programme, board, metadata, file list with SHA-256) and the
 * PNG frames, one per `fps` over one run, so a receiver can show it without our rasteriser.
 */
export async function exportNoticePackage(
  programme: Programme,
  dir: string,
  meta: NoticeMeta,
  options: ExportOptions,
): Promise<{ manifest: string; files: string[] }> {
  const frames = await exportPngFrames(programme, dir, { fps: 2, ...options });
  const files = await Promise.all(
    frames.map(async ({ file, atMs }) => ({
      file,
      atMs,
      sha256: createHash('sha256').update(await fs.readFile(path.join(dir, file))).digest('hex'),
    })),
  );
  const manifest = {
    format: NOTICE_FORMAT,
    version: 1,
    board: { width: programme.width, height: programme.height, colourClass: options.colourClass },
    durationMs: programmeDurationMs(programme),
    ...meta,
    programme,
    frames: files,
  };
  const manifestPath = path.join(dir, 'notice.json');
  // Written last, then renamed: a package with a notice.json is complete.
  await fs.writeFile(`${manifestPath}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.rename(`${manifestPath}.tmp`, manifestPath);
  return { manifest: manifestPath, files: files.map((f) => f.file) };
}
