import { StudioError } from '../../../shared/errors.ts';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 1 = PCM, 3 = IEEE float (WAVE_FORMAT_EXTENSIBLE resolved to its sub-format). */
  format: number;
  dataOffset: number;
  dataBytes: number;
  durationSec: number;
}

/**
 * Reads the header of a RIFF/WAVE file (the first 64 KiB are enough for any header with a
 * `bext` chunk). Hand-written because it is 40 lines and every decoder library wants the whole file.
 */
export function readWavInfo(head: Buffer, fileBytes: number): WavInfo {
  if (head.length < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') {
    throw new StudioError('unsupported_format', 'not a WAV file (RIFF/WAVE header missing)');
  }
  let offset = 12;
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'durationSec'> | null = null;
  while (offset + 8 <= head.length) {
    const id = head.toString('ascii', offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > head.length) break;
      let format = head.readUInt16LE(body);
      if (format === 0xfffe && size >= 40 && body + 26 <= head.length) format = head.readUInt16LE(body + 24);
      fmt = {
        format,
        channels: head.readUInt16LE(body + 2),
        sampleRate: head.readUInt32LE(body + 4),
        bitsPerSample: head.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new StudioError('unsupported_format', 'WAV data chunk comes before its format chunk');
      if (fmt.channels < 1 || fmt.sampleRate < 1 || fmt.bitsPerSample < 8) {
        throw new StudioError('unsupported_format', 'WAV format chunk is damaged');
      }
      const dataBytes = Math.min(size, fileBytes - body);
      const frameBytes = (fmt.bitsPerSample / 8) * fmt.channels;
      return { ...fmt, dataOffset: body, dataBytes, durationSec: Math.floor(dataBytes / frameBytes) / fmt.sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new StudioError('unsupported_format', 'WAV file is truncated or has no audio data');
}
