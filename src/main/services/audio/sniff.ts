/**
 * Recognises an audio file by its content, never its name: a FLAC named .wav imports as FLAC and
 * a text file named .mp3 is refused with a clear message.
 */
import { StudioError } from '../../../shared/errors.ts';

export type SourceFormat = 'wav' | 'mp3' | 'flac' | 'opus' | 'vorbis';

export function sniffFormat(head: Uint8Array): SourceFormat {
  const ascii = (from: number, to: number) => Buffer.from(head.subarray(from, to)).toString('latin1');
  if (head.length === 0) throw new StudioError('unsupported_format', 'the file is empty', { reason: 'file_empty' });
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'RF64' || ascii(0, 4) === 'BW64') {
    throw new StudioError('unsupported_format', 'RF64/BW64 WAV (over 4 GB) is not supported; export it as WAV under 4 GB or FLAC');
  }
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(0, 4) === 'OggS') {
    const firstPage = ascii(0, Math.min(head.length, 200));
    if (firstPage.includes('OpusHead')) return 'opus';
    if (firstPage.includes('\x01vorbis')) return 'vorbis';
    if (firstPage.includes('FLAC')) throw new StudioError('unsupported_format', 'FLAC inside Ogg is not supported; use a plain .flac file');
    throw new StudioError('unsupported_format', 'Ogg file with an unknown codec (only Opus and Vorbis are supported)');
  }
  if (ascii(0, 3) === 'ID3' || isMpegFrame(head, 0)) return 'mp3';
  if (ascii(4, 8) === 'ftyp') throw new StudioError('unsupported_format', 'MP4/M4A (AAC) audio is not supported; use MP3, WAV, FLAC or OGG', { reason: 'aac_unsupported' });
  throw new StudioError('unsupported_format', 'not a recognised audio file', { reason: 'audio_unrecognised' });
}

/** An MPEG audio layer III frame header at `at` (sync word, valid version, layer, bitrate, rate). */
function isMpegFrame(b: Uint8Array, at: number): boolean {
  if (b.length < at + 4 || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return false;
  const version = (b[at + 1]! >> 3) & 3;
  const layer = (b[at + 1]! >> 1) & 3;
  const bitrate = b[at + 2]! >> 4;
  const rate = (b[at + 2]! >> 2) & 3;
  return version !== 1 && layer === 1 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

/**
 * Channels of an MP3 from its first frame header (after any ID3v2 tag): the mpg123 build always
 * hands back two channels, so a mono file would otherwise come in as a doubled stereo one.
 */
export function mp3Channels(head: Uint8Array): 1 | 2 {
  let at = 0;
  if (Buffer.from(head.subarray(0, 3)).toString('latin1') === 'ID3' && head.length >= 10) {
    at = 10 + ((head[6]! & 0x7f) << 21) + ((head[7]! & 0x7f) << 14) + ((head[8]! & 0x7f) << 7) + (head[9]! & 0x7f);
  }
  for (; at + 4 <= head.length; at++) if (isMpegFrame(head, at)) return ((head[at + 3]! >> 6) & 3) === 3 ? 1 : 2;
  return 2;
}
