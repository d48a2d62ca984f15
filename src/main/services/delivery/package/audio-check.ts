/**
 * A package's audio must be audio the studio plays: a WAV whose header it reads, or an MP3 whose
 * frames it finds, at a sample rate and channel count the studio supports. A package carrying
 * anything else (a renamed document, an executable) is refused before it enters the library.
 *
 * Minimal on purpose: the full media checks live with the media import; this only keeps a
 * package from slipping a non-audio file in. For MP3 the first frame's header (sample rate,
 * channel mode) is the truth, not the manifest; for WAV the header is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../../shared/errors.ts';
import { assertSupportedAudio, readWavInfoFile } from '../../audio/index.ts';

export interface AudioFacts {
  sampleRate: number;
  channels: number;
  durationSec: number;
}

const HEAD_BYTES = 64 * 1024;

const refuse = (file: string, problem: string, extra: Record<string, unknown> = {}) =>
  new StudioError('unsupported_format', `${path.basename(file)}: ${problem}`, { reason: 'package_audio_unsupported', file: path.basename(file), problem, ...extra });

function readAt(file: string, position: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks the staged audio file and returns its facts; `manifestDuration` is used for MP3. */
export function checkPackageAudio(file: string, manifestDuration: number): AudioFacts {
  const ext = path.extname(file).toLowerCase();
  const size = fs.statSync(file).size;
  if (ext === '.wav') {
    // The media service's one check: any amount of chunks before `data`, supported rate and channels.
    const info = readWavInfoFile(file);
    return { sampleRate: info.sampleRate, channels: info.channels, durationSec: info.durationSec };
  }
  if (ext === '.mp3') {
    const frame = firstMp3Frame(file, size);
    if (!frame) throw refuse(file, 'no_mp3_frames');
    assertSupportedAudio(frame);
    return { sampleRate: frame.sampleRate, channels: frame.channels, durationSec: manifestDuration };
  }
  throw refuse(file, 'not_wav_or_mp3', { ext });
}

const MP3_RATES: Record<number, number[]> = { 3: [44_100, 48_000, 32_000], 2: [22_050, 24_000, 16_000], 0: [11_025, 12_000, 8_000] };
const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

interface Mp3Header {
  sampleRate: number;
  channels: number;
  /** Bytes of this frame, or 0 for free-format. */
  length: number;
}

function mp3Header(b: Buffer, at: number): Mp3Header | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1]! >> 3) & 3;
  const layer = (b[at + 1]! >> 1) & 3;
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  if (version === 1 || layer === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const sampleRate = MP3_RATES[version]![rateIndex]!;
  const channels = b[at + 3]! >> 6 === 3 ? 1 : 2;
  const padding = (b[at + 2]! >> 1) & 1;
  // Layer III lengths (what the studio writes and imports); other layers are checked by sync alone.
  const kbps = layer === 1 ? (version === 3 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex]! : 0;
  const length = kbps === 0 ? 0 : Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / sampleRate) + padding;
  return { sampleRate, channels, length };
}

/** The first frame after any ID3v2 tag, confirmed by the frame that follows it where one can be found. */
function firstMp3Frame(file: string, size: number): Mp3Header | null {
  let start = 0;
  const id3 = readAt(file, 0, 10);
  if (id3.length === 10 && id3.toString('latin1', 0, 3) === 'ID3') {
    const tag = ((id3[6]! & 0x7f) << 21) | ((id3[7]! & 0x7f) << 14) | ((id3[8]! & 0x7f) << 7) | (id3[9]! & 0x7f);
    start = 10 + tag + (id3[5]! & 0x10 ? 10 : 0);
  }
  const head = readAt(file, start, Math.min(HEAD_BYTES, Math.max(0, size - start)));
  for (let at = 0; at + 4 <= head.length; at++) {
    const header = mp3Header(head, at);
    if (!header) continue;
    const next = at + header.length;
    // One sync word can occur by chance; two in a row at the right distance do not.
    if (header.length === 0 || start + next >= size || mp3Header(head, next) || next + 4 > head.length) return header;
  }
  return null;
}
