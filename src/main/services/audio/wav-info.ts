import fs from 'node:fs';
import { StudioError } from '../../../shared/errors.ts';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 1 = PCM, 3 = IEEE float (WAVE_FORMAT_EXTENSIBLE resolved to its sub-format). */
  format: number;
  dataOffset: number;
  dataBytes: number;
  /** The data chunk's size as written in the file (0 or 0xFFFFFFFF: "unknown", streamed). */
  declaredBytes: number;
  durationSec: number;
}

/**
 * What the studio's audio path handles. Outside it the DSP misbehaves (a 4 Hz file makes the
 * loudness meter's 100 ms sub-block zero frames long) or memory explodes (2,000 channels).
 */
export const AUDIO_LIMITS = { minSampleRate: 8000, maxSampleRate: 192_000, minChannels: 1, maxChannels: 8 } as const;

/**
 * The one check every entry calls (import, measure, recording, package import): throws
 * `audio_out_of_range` for a sample rate or channel count the studio cannot process.
 */
export function assertSupportedAudio({ sampleRate, channels }: { sampleRate: number; channels: number }): void {
  const { minSampleRate, maxSampleRate, minChannels, maxChannels } = AUDIO_LIMITS;
  const rateOk = Number.isInteger(sampleRate) && sampleRate >= minSampleRate && sampleRate <= maxSampleRate;
  const channelsOk = Number.isInteger(channels) && channels >= minChannels && channels <= maxChannels;
  if (!rateOk || !channelsOk) {
    throw new StudioError('audio_out_of_range', `${sampleRate} Hz, ${channels} channel(s): supported are ${minSampleRate}–${maxSampleRate} Hz, ${minChannels}–${maxChannels} channels`, {
      sampleRate,
      channels,
      limits: AUDIO_LIMITS,
    });
  }
}

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
type ReadAt = (offset: number, length: number) => Buffer;

/** A RIFF file with more chunks than this before `data` is not a recording but an attack. */
const MAX_CHUNKS = 10_000;
const MAX_FMT_BYTES = 1024;

/**
 * Walks the RIFF/WAVE chunks to `data`, wherever it is (BWF `bext`, iXML or junk chunks may put it
 * megabytes in), and validates the format chunk. Hand-written because it is short and every
 * decoder library wants the whole file.
 */
function parseWav(readAt: ReadAt, fileBytes: number): WavInfo {
  const riff = readAt(0, 12);
  if (riff.length < 12 || riff.toString('ascii', 0, 4) !== 'RIFF' || riff.toString('ascii', 8, 12) !== 'WAVE') {
    throw new StudioError('unsupported_format', 'not a WAV file (RIFF/WAVE header missing)');
  }
  let offset = 12;
  let fmt: Pick<WavInfo, 'format' | 'channels' | 'sampleRate' | 'bitsPerSample'> | null = null;
  for (let chunk = 0; chunk < MAX_CHUNKS && offset + 8 <= fileBytes; chunk++) {
    const header = readAt(offset, 8);
    if (header.length < 8) break;
    const id = header.toString('latin1', 0, 4);
    const size = header.readUInt32LE(4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || size > MAX_FMT_BYTES) throw new StudioError('audio_corrupt', `WAV format chunk has an impossible size (${size} bytes)`);
      fmt = parseFmt(readAt(body, size), size);
    } else if (id === 'data') {
      if (!fmt) throw new StudioError('audio_corrupt', 'WAV data chunk comes before its format chunk');
      const frameBytes = (fmt.bitsPerSample / 8) * fmt.channels;
      const dataBytes = Math.min(size, fileBytes - body);
      return { ...fmt, dataOffset: body, dataBytes, declaredBytes: size, durationSec: Math.floor(dataBytes / frameBytes) / fmt.sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new StudioError('audio_corrupt', 'WAV file is truncated or has no audio data');
}

function parseFmt(b: Buffer, size: number): Pick<WavInfo, 'format' | 'channels' | 'sampleRate' | 'bitsPerSample'> {
  if (b.length < 16) throw new StudioError('audio_corrupt', 'WAV format chunk is truncated');
  let format = b.readUInt16LE(0);
  const channels = b.readUInt16LE(2);
  const sampleRate = b.readUInt32LE(4);
  const blockAlign = b.readUInt16LE(12);
  const bitsPerSample = b.readUInt16LE(14);
  if (format === 0xfffe) {
    if (size < 40 || b.length < 26) throw new StudioError('audio_corrupt', 'WAVE_FORMAT_EXTENSIBLE chunk is too short');
    format = b.readUInt16LE(24);
  }
  assertSupportedAudio({ sampleRate, channels });
  if (bitsPerSample < 8 || bitsPerSample % 8 !== 0) throw new StudioError('unsupported_format', `WAV with ${bitsPerSample}-bit samples is not supported`);
  // The byte rate is redundant and ignored (as every player does); the block align is not: it
  // is the frame layout, and a disagreeing one means the header cannot be trusted.
  if (blockAlign !== (bitsPerSample / 8) * channels) {
    throw new StudioError('audio_corrupt', `WAV block align ${blockAlign} does not match ${channels} × ${bitsPerSample}-bit samples`);
  }
  return { format, channels, sampleRate, bitsPerSample };
}

/** From the first bytes of a WAV (64 KiB hold any ordinary header); for callers holding a buffer. */
export function readWavInfo(head: Buffer, fileBytes: number): WavInfo {
  return parseWav((offset, length) => head.subarray(offset, Math.min(head.length, offset + length)), fileBytes);
}

/** From an open file: follows chunks however far `data` is (the way to read untrusted files). */
export function readWavInfoFd(fd: number, fileBytes: number): WavInfo {
  return parseWav((offset, length) => {
    const buf = Buffer.alloc(Math.max(0, Math.min(length, fileBytes - offset)));
    const got = buf.length ? fs.readSync(fd, buf, 0, buf.length, offset) : 0;
    return buf.subarray(0, got);
  }, fileBytes);
}

/** From a path. */
export function readWavInfoFile(file: string): WavInfo {
  const fd = fs.openSync(file, 'r');
  try {
    return readWavInfoFd(fd, fs.fstatSync(fd).size);
  } finally {
    fs.closeSync(fd);
  }
}
