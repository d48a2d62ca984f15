/**
 * audio.import and asset.import, off the main thread: recognises the file by content, validates
 * it (one validation for every import path), decodes it (WAV is copied as it is, compressed
 * formats are decoded to a 32-bit float WAV), hashes the file that is stored (the one delivered
 * and checked later, never the compressed original), computes the multi-resolution peaks and the
 * loudness in the same pass, and only then renames everything into place. Any failure removes
 * what it wrote, so the library is untouched.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';
import type { JobTools } from '../jobs/index.ts';
import type { WavInfo } from './wav-info.ts';
import { readWavHeaderFd } from './wav-header.ts';
import { openDecoder } from './decoders.ts';
import { fileError } from './io-errors.ts';
import { decodePcm, isSupportedPcm } from './pcm.ts';
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import { LoudnessMeter } from './loudness.ts';
import { PeakBuilder, peaksPath, savePeaks } from './peaks.ts';
import { mp3Channels, sniffFormat, type SourceFormat } from './sniff.ts';
import { assertFinite, assertPlausibleLevel } from './sample-checks.ts';
import { WavWriter } from './wav-writer.ts';
import type { NewAsset } from '../library/index.ts';

export interface ImportInput {
  source: string;
  dataDir: string;
  name: string;
}

/** The asset to record, plus what the import found on the way (same pass, no second read). */
export type ImportResult = Omit<NewAsset, 'loudness'> & { format: SourceFormat; loudness: LoudnessResult };

const CHUNK = 4 << 20;

export async function importAudio({ source, dataDir, name }: ImportInput, job: Pick<JobTools, 'progress' | 'checkCancelled'>): Promise<ImportResult> {
  let size: number;
  try {
    const stat = fs.statSync(source);
    if (!stat.isFile()) throw new StudioError('invalid_argument', `${source} is not a file`);
    size = stat.size;
  } catch (error) {
    throw fileError(error, source);
  }
  if (size === 0) throw new StudioError('unsupported_format', 'the file is empty');
  const fd = fs.openSync(source, 'r');
  const assetsDir = path.join(dataDir, 'assets');
  fs.mkdirSync(assetsDir, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const written: string[] = [];
  try {
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    fs.readSync(fd, head, 0, head.length, 0);
    const format = sniffFormat(head);
    const staged =
      format === 'wav'
        ? await copyWav(fd, size, path.join(assetsDir, `.import-${stamp}.part`), job)
        : await decodeCompressed(fd, size, format, path.join(assetsDir, `.import-${stamp}.wav`), job, format === 'mp3' ? mp3Channels(head) : null);
    written.push(staged.temp);
    const file = path.join('assets', `${staged.sha256}.wav`);
    const peaksFile = peaksPath(dataDir, staged.sha256);
    savePeaks(peaksFile, staged.peaks.finish());
    written.push(peaksFile);
    fs.renameSync(staged.temp, path.join(dataDir, file));
    job.progress(1, 'done');
    return {
      name,
      file,
      sha256: staged.sha256,
      bytes: fs.statSync(path.join(dataDir, file)).size,
      durationSec: staged.frames / staged.sampleRate,
      sampleRate: staged.sampleRate,
      channels: staged.channels,
      format,
      loudness: staged.meter.result(),
    };
  } catch (error) {
    for (const file of written) fs.rmSync(file, { force: true });
    throw fileError(error, source);
  } finally {
    fs.closeSync(fd);
  }
}

interface Staged {
  temp: string;
  sha256: string;
  peaks: PeakBuilder;
  meter: LoudnessMeter;
  frames: number;
  sampleRate: number;
  channels: number;
}

type Job = Pick<JobTools, 'progress' | 'checkCancelled'>;

/** One pass: copy the bytes as they are, hash them, and decode the data chunk for the peaks. */
async function copyWav(fd: number, size: number, temp: string, job: Job): Promise<Staged> {
  const info = probeSourceWav(fd, size);
  const frameBytes = (info.bitsPerSample / 8) * info.channels;
  const dataEnd = info.dataOffset + Math.floor(info.dataBytes / frameBytes) * frameBytes;
  const hash = createHash('sha256');
  const peaks = new PeakBuilder(info.sampleRate, info.channels);
  const meter = new LoudnessMeter(info.sampleRate, info.channels);
  const out = fs.openSync(temp, 'w');
  try {
    // Reads start at the data chunk and hold whole frames, so samples decode in place (no copy).
    const span = Math.floor(CHUNK / frameBytes) * frameBytes;
    // Chunks before `data` may be megabytes (BWF, junk): they are copied in spans too.
    const buf = Buffer.from(new ArrayBuffer(span));
    let pos = 0;
    while (pos < size) {
      job.checkCancelled();
      const want = pos < info.dataOffset ? Math.min(span, info.dataOffset - pos) : pos < dataEnd ? Math.min(span, dataEnd - pos) : span;
      const got = fs.readSync(fd, buf, 0, want, pos);
      if (got === 0) break;
      const bytes = buf.subarray(0, got);
      hash.update(bytes);
      fs.writeSync(out, bytes);
      if (pos >= info.dataOffset && pos < dataEnd) {
        const frames = Math.floor(got / frameBytes);
        const block = decodePcm(bytes, frames, info);
        if (info.format === 3) assertFinite(block);
        peaks.add(block);
        meter.add(block);
      }
      pos += got;
      job.progress(pos / size, 'importing');
    }
    fs.fsyncSync(out);
  } catch (error) {
    fs.closeSync(out);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(out);
  return { temp, sha256: hash.digest('hex'), peaks, meter, frames: (dataEnd - info.dataOffset) / frameBytes, sampleRate: info.sampleRate, channels: info.channels };
}

/**
 * A source WAV's header, validated the same way for every import path: a supported codec, rate
 * and channel count, a data chunk that fits the file and holds at least one frame.
 */
export function probeSourceWav(fd: number, size: number): WavInfo {
  const info = readWavHeaderFd(fd, size);
  if (!isSupportedPcm(info)) {
    throw new StudioError('unsupported_format', `WAV codec ${info.format} (${info.bitsPerSample}-bit) is not supported; use PCM or float WAV`, { codec: info.format, bits: info.bitsPerSample });
  }
  const declared = info.declaredBytes;
  const frameBytes = (info.bitsPerSample / 8) * info.channels;
  // 0 and 0xFFFFFFFF mean "size unknown" (streamed recordings); anything else must fit the file.
  if (declared !== 0 && declared !== 0xffffffff && declared > info.dataBytes + frameBytes) {
    throw new StudioError('audio_corrupt', `the WAV file is truncated (${info.dataBytes} of ${declared} audio bytes)`, { reason: 'truncated' });
  }
  if (info.dataBytes < frameBytes) throw new StudioError('audio_corrupt', 'the WAV file has no audio samples', { reason: 'no_samples' });
  return info;
}

/** A file where more than one decoded frame in four failed is corrupt, not merely damaged. */
const NOMINAL_FRAME = 1152;

async function decodeCompressed(
  fd: number,
  size: number,
  format: Exclude<SourceFormat, 'wav'>,
  target: string,
  job: Job,
  channelsHint: 1 | 2 | null,
): Promise<Staged> {
  const decoder = await openDecoder(format);
  let writer: WavWriter | null = null;
  let peaks: PeakBuilder | null = null;
  let meter: LoudnessMeter | null = null;
  let frames = 0;
  let errors = 0;
  const take = (chunk: { channelData: Float32Array[]; samplesDecoded: number; sampleRate: number; errors: unknown[] } | null) => {
    if (!chunk) return;
    errors += chunk.errors.length;
    if (chunk.samplesDecoded === 0) return;
    const channels = chunk.channelData.slice(0, channelsHint ?? chunk.channelData.length);
    if (!writer) {
      writer = new WavWriter(target, chunk.sampleRate, channels.length, { format: 'float32' });
      peaks = new PeakBuilder(chunk.sampleRate, channels.length);
      meter = new LoudnessMeter(chunk.sampleRate, channels.length);
    } else if (chunk.sampleRate !== writer.sampleRate || channels.length !== writer.channels) {
      throw new StudioError('unsupported_format', 'the sample rate or channel count changes inside the file');
    }
    const block = channels.map((c) => c.subarray(0, chunk.samplesDecoded));
    assertFinite(block);
    assertPlausibleLevel(block, format);
    writer.write(block);
    peaks!.add(block);
    meter!.add(block);
    frames += chunk.samplesDecoded;
  };
  try {
    const buf = Buffer.alloc(256 * 1024);
    let pos = 0;
    while (pos < size) {
      job.checkCancelled();
      const got = fs.readSync(fd, buf, 0, buf.length, pos);
      if (got === 0) break;
      const bytes = new Uint8Array(buf.subarray(0, got));
      take(await decoder.decode(bytes));
      pos += got;
      job.progress((0.9 * pos) / size, 'decoding');
    }
    take(await decoder.flush());
    const w = writer as WavWriter | null;
    if (!w || frames === 0 || errors * NOMINAL_FRAME * 4 > frames) {
      throw new StudioError('audio_corrupt', `the ${format} file is corrupt or holds no audio${errors ? ` (${errors} decode errors)` : ''}`, { format, decodeErrors: errors });
    }
    w.finish();
    // The hash is of the WAV that is stored and delivered, not of the compressed original.
    const sha256 = await hashFile(target, job);
    return { temp: target, sha256, peaks: peaks!, meter: meter!, frames, sampleRate: w.sampleRate, channels: w.channels };
  } catch (error) {
    (writer as WavWriter | null)?.abort();
    fs.rmSync(target, { force: true });
    throw error;
  } finally {
    decoder.free();
  }
}

async function hashFile(file: string, job: Job): Promise<string> {
  const hash = createHash('sha256');
  const total = Math.max(1, fs.statSync(file).size);
  let done = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    job.checkCancelled();
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    job.progress(0.9 + (0.1 * done) / total, 'hashing');
  }
  return hash.digest('hex');
}

/**
 * Any supported file as a WAV the renderer can read: a WAV as it is (validated), anything else
 * decoded to a 32-bit float WAV at `temp`. For the file-to-file tools (loudness, normalize).
 */
export async function decodeToWav(source: string, temp: string, job: Job): Promise<{ file: string; frames: number; sampleRate: number; channels: number }> {
  let size: number;
  try {
    size = fs.statSync(source).size;
  } catch (error) {
    throw fileError(error, source);
  }
  if (size === 0) throw new StudioError('unsupported_format', 'the file is empty');
  const fd = fs.openSync(source, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    fs.readSync(fd, head, 0, head.length, 0);
    const format = sniffFormat(head);
    if (format === 'wav') {
      const info = probeSourceWav(fd, size);
      const frameBytes = (info.bitsPerSample / 8) * info.channels;
      return { file: source, frames: Math.floor(info.dataBytes / frameBytes), sampleRate: info.sampleRate, channels: info.channels };
    }
    const staged = await decodeCompressed(fd, size, format, temp, job, format === 'mp3' ? mp3Channels(head) : null);
    return { file: temp, frames: staged.frames, sampleRate: staged.sampleRate, channels: staged.channels };
  } finally {
    fs.closeSync(fd);
  }
}
