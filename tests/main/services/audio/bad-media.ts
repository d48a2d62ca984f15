/**
 * The bad-media corpus (issue 8): every kind of broken, lying or extreme audio file the sweep
 * threw at the studio, generated here byte by byte (or with the real ffmpeg, then damaged) so no
 * binary is committed. Each case says what the studio must do with it: accept it with the right
 * rate, channels and duration, or refuse it with a specific error code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ffmpegEncode } from './fixtures.ts';
import { rng } from './signals.ts';

export type Expected =
  | { ok: true; sampleRate: number; channels: number; durationSec: number; /** ffmpeg reads it the same (loudness compared) */ reference: boolean }
  | { ok: false; code: string };

export interface MediaCase {
  name: string;
  file: string;
  expected: Expected;
}

interface WavSpec {
  format?: number;
  channels?: number;
  rate?: number;
  bits?: number;
  frames?: number;
  blockAlign?: number;
  byteRate?: number;
  extensible?: boolean;
  fmtSize?: number;
  /** Chunks between `fmt ` and `data`. */
  before?: Buffer[];
  after?: Buffer[];
  dataFirst?: boolean;
  declaredData?: number;
  /** Sample value for (frame, channel); default a -20 dBFS 440 Hz tone, a different phase per channel. */
  sample?: (frame: number, channel: number) => number;
}

export function chunk(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A RIFF/WAVE file exactly as specified, however wrong the specification. */
export function wav(spec: WavSpec): Buffer {
  const { format = 1, channels = 2, rate = 48000, bits = 16, extensible = false } = spec;
  const frames = spec.frames ?? Math.round(rate);
  const bytesPerSample = Math.max(1, Math.ceil(bits / 8));
  const blockAlign = spec.blockAlign ?? bytesPerSample * channels;
  const sample = spec.sample ?? ((i: number, c: number) => 0.1 * Math.sin((2 * Math.PI * 440 * i) / Math.max(1, rate) + c));
  const fmt = Buffer.alloc(extensible ? 40 : 16);
  fmt.writeUInt16LE(extensible ? 0xfffe : format, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(rate >>> 0, 4);
  fmt.writeUInt32LE((spec.byteRate ?? rate * blockAlign) >>> 0, 8);
  fmt.writeUInt16LE(blockAlign, 12);
  fmt.writeUInt16LE(bits, 14);
  if (extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(bits, 18);
    fmt.writeUInt32LE(channels === 6 ? 0x3f : channels === 2 ? 3 : 4, 20);
    // The sub-format GUID: format code, then the fixed KSDATAFORMAT tail.
    fmt.writeUInt16LE(format, 24);
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(fmt, 26);
  }
  const data = Buffer.alloc(frames * channels * bytesPerSample);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const v = sample(i, c);
      const at = (i * channels + c) * bytesPerSample;
      if (format === 3 && bits === 32) data.writeFloatLE(v, at);
      else if (format === 3 && bits === 64) data.writeDoubleLE(v, at);
      else if (bits === 8) data[at] = Math.round(v * 127) + 128;
      else if (bits === 24) data.writeIntLE(Math.round(v * 8388607), at, 3);
      else if (bits === 32) data.writeInt32LE(Math.round(v * 2147483647), at);
      else data.writeInt16LE(Math.round(v * 32767), at);
    }
  }
  const fmtChunk = chunk('fmt ', fmt);
  if (spec.fmtSize !== undefined) fmtChunk.writeUInt32LE(spec.fmtSize >>> 0, 4);
  const dataChunk = chunk('data', data);
  if (spec.declaredData !== undefined) dataChunk.writeUInt32LE(spec.declaredData >>> 0, 4);
  const body = spec.dataFirst
    ? [dataChunk, fmtChunk, ...(spec.after ?? [])]
    : [fmtChunk, ...(spec.before ?? []), dataChunk, ...(spec.after ?? [])];
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.write('WAVE', 8, 'latin1');
  const all = Buffer.concat([riff, ...body]);
  all.writeUInt32LE(all.length - 8, 4);
  return all;
}

const accepted = (sampleRate: number, channels: number, durationSec: number, reference = true): Expected => ({ ok: true, sampleRate, channels, durationSec, reference });
const refused = (code: string): Expected => ({ ok: false, code });

/** Writes the corpus into `dir` and lists it with each case's expected outcome. */
export function buildCorpus(dir: string): MediaCase[] {
  const cases: MediaCase[] = [];
  const add = (name: string, fileName: string, bytes: Buffer | string, expected: Expected) => {
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes);
    cases.push({ name, file, expected });
  };
  const random = rng(8);
  const noise = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
  const half = (b: Buffer) => b.subarray(0, Math.floor(b.length / 2));

  // Valid files of every sample format the studio reads.
  add('8-bit PCM mono 8 kHz', 'pcm8.wav', wav({ bits: 8, channels: 1, rate: 8000 }), accepted(8000, 1, 1));
  add('16-bit PCM stereo 44.1 kHz', 'pcm16.wav', wav({ rate: 44100 }), accepted(44100, 2, 1));
  add('24-bit PCM mono 48 kHz', 'pcm24.wav', wav({ bits: 24, channels: 1 }), accepted(48000, 1, 1));
  add('32-bit PCM stereo 48 kHz', 'pcm32.wav', wav({ bits: 32 }), accepted(48000, 2, 1));
  add('32-bit float stereo', 'f32.wav', wav({ format: 3, bits: 32 }), accepted(48000, 2, 1));
  add('64-bit float mono', 'f64.wav', wav({ format: 3, bits: 64, channels: 1 }), accepted(48000, 1, 1));
  add('WAVE_FORMAT_EXTENSIBLE 24-bit stereo', 'ext24.wav', wav({ bits: 24, extensible: true }), accepted(48000, 2, 1));
  add('WAVE_FORMAT_EXTENSIBLE float 5.1', 'ext51.wav', wav({ format: 3, bits: 32, channels: 6, extensible: true, frames: 24000 }), accepted(48000, 6, 0.5, false));
  add('8 channels (the most supported)', 'ch8.wav', wav({ channels: 8, frames: 24000 }), accepted(48000, 8, 0.5, false));
  add('192 kHz (the highest rate supported)', 'r192k.wav', wav({ channels: 1, rate: 192000 }), accepted(192000, 1, 1));
  add('over 64 KiB of chunks before data', 'junk-100k.wav', wav({ before: [chunk('JUNK', Buffer.alloc(100 * 1024)), chunk('bext', Buffer.alloc(602))] }), accepted(48000, 2, 1));
  add('a 5 MB LIST chunk before data', 'list-5m.wav', wav({ channels: 1, before: [chunk('LIST', Buffer.alloc(5 << 20, 0x20))] }), accepted(48000, 1, 1));
  add('an odd-sized chunk with its padding byte', 'odd.wav', wav({ before: [chunk('note', Buffer.from('odd'))] }), accepted(48000, 2, 1));
  add('a chunk after the data', 'trailer.wav', wav({ channels: 1, after: [chunk('LIST', Buffer.from('INFOISFT\x04\x00\x00\x00test'))] }), accepted(48000, 1, 1));
  add('a wrong byte rate (redundant, ignored)', 'byterate.wav', wav({ byteRate: 12345 }), accepted(48000, 2, 1));
  add('data size 0 (streamed, never patched)', 'streamed0.wav', wav({ channels: 1, declaredData: 0 }), accepted(48000, 1, 1, false));
  add('data size 0xFFFFFFFF (streamed)', 'streamedff.wav', wav({ channels: 1, declaredData: 0xffffffff }), accepted(48000, 1, 1, false));
  add('a WAV named .mp3', 'wav-named.mp3', wav({ channels: 1 }), accepted(48000, 1, 1));

  // Sample rates and channel counts outside what the studio supports.
  add('4 Hz (the loudness meter looped until V8 aborted the host)', 'r4.wav', wav({ rate: 4, channels: 1, frames: 4000 }), refused('audio_out_of_range'));
  add('1 Hz', 'r1.wav', wav({ rate: 1, channels: 1, frames: 100 }), refused('audio_out_of_range'));
  add('0 Hz', 'r0.wav', wav({ rate: 0, channels: 1, frames: 100 }), refused('audio_out_of_range'));
  add('7,999 Hz', 'r7999.wav', wav({ rate: 7999, channels: 1 }), refused('audio_out_of_range'));
  add('4 GHz', 'r4g.wav', wav({ rate: 4_000_000_000, channels: 1, frames: 100 }), refused('audio_out_of_range'));
  add('2,000 channels', 'ch2000.wav', wav({ channels: 2000, frames: 10 }), refused('audio_out_of_range'));
  add('9 channels', 'ch9.wav', wav({ channels: 9, frames: 100 }), refused('audio_out_of_range'));
  add('0 channels', 'ch0.wav', wav({ channels: 0, frames: 100, blockAlign: 0 }), refused('audio_out_of_range'));

  // Invalid samples and lying headers.
  add('NaN float samples', 'nan.wav', wav({ format: 3, bits: 32, sample: (i) => (i === 1000 ? Number.NaN : 0.1) }), refused('audio_corrupt'));
  add('+Infinity float samples', 'inf.wav', wav({ format: 3, bits: 32, channels: 1, sample: (i) => (i > 20000 ? Infinity : 0.1) }), refused('audio_corrupt'));
  add('-Infinity in 64-bit float', 'ninf.wav', wav({ format: 3, bits: 64, channels: 1, sample: (i) => (i === 5 ? -Infinity : 0.1) }), refused('audio_corrupt'));
  add('a truncated data chunk', 'truncated.wav', half(wav({ channels: 1 })), refused('audio_corrupt'));
  add('a file cut inside its header', 'cut-header.wav', wav({}).subarray(0, 30), refused('audio_corrupt'));
  add('a data size far beyond the file', 'lying-size.wav', wav({ channels: 1, frames: 100, declaredData: 1 << 30 }), refused('audio_corrupt'));
  add('a zero-length data chunk', 'empty-data.wav', wav({ frames: 0 }), refused('audio_corrupt'));
  add('a zero-length data chunk with a chunk after it', 'no-samples.wav', wav({ frames: 0, after: [chunk('LIST', Buffer.alloc(10))] }), refused('audio_corrupt'));
  add('a wrong block align', 'blockalign.wav', wav({ blockAlign: 3 }), refused('audio_corrupt'));
  add('data before its format chunk', 'data-first.wav', wav({ dataFirst: true }), refused('audio_corrupt'));
  add('a format chunk claiming 2 GB', 'huge-fmt.wav', wav({ fmtSize: 0x7fffffff }), refused('audio_corrupt'));
  add('a chunk running past the end, no data', 'runaway.wav', Buffer.concat([wav({}).subarray(0, 36), chunk('JUNK', Buffer.alloc(16)).fill(0xff, 4, 8)]), refused('audio_corrupt'));
  add('12-bit samples', 'b12.wav', wav({ bits: 12, channels: 1 }), refused('unsupported_format'));
  add('A-law codec', 'alaw.wav', wav({ format: 6, bits: 8, channels: 1 }), refused('unsupported_format'));

  // Not audio, or not what the name says.
  add('an empty file', 'empty.wav', Buffer.alloc(0), refused('unsupported_format'));
  add('random bytes', 'random.wav', noise(20000), refused('unsupported_format'));
  add('text named .mp3', 'notes.mp3', 'Bản tin thời tiết\n'.repeat(50), refused('unsupported_format'));

  // Compressed files, whole, truncated and damaged (made by the real ffmpeg, then broken here).
  const source = path.join(dir, 'source.wav');
  fs.writeFileSync(source, wav({ channels: 2, frames: 3 * 48000 }));
  const encode = (name: string, args: string[]) => fs.readFileSync(ffmpegEncode(source, path.join(dir, `.enc-${name}`), args));
  const mp3 = encode('a.mp3', ['-c:a', 'libmp3lame', '-b:a', '128k']);
  const flac = encode('a.flac', ['-c:a', 'flac']);
  const vorbis = encode('a.ogg', ['-c:a', 'libvorbis']);
  const opus = encode('a.opus', ['-c:a', 'libopus']);
  const scramble = (b: Buffer, from: number) => {
    const out = Buffer.from(b);
    for (let i = from; i < out.length; i += 40) out[i + Math.floor(random() * 40)] = Math.floor(random() * 256);
    return out.subarray(0, b.length);
  };
  // Duration NaN: as ffmpeg decodes the file (codec delay and padding are the codec's business).
  add('an MP3 named .wav', 'mp3-named.wav', mp3, accepted(48000, 2, Number.NaN));
  add('a FLAC', 'ok.flac', flac, accepted(48000, 2, Number.NaN));
  add('an OGG Vorbis', 'ok.ogg', vorbis, accepted(48000, 2, Number.NaN));
  add('an OGG Opus', 'ok.opus', opus, accepted(48000, 2, Number.NaN));
  add('a truncated MP3 (the frames present play)', 'half.mp3', half(mp3), accepted(48000, 2, Number.NaN));
  add('a truncated FLAC', 'half.flac', half(flac), accepted(48000, 2, Number.NaN));
  add('a corrupt MP3 (damaged frames decode to +58 LUFS)', 'scrambled.mp3', scramble(mp3, 400), refused('audio_corrupt'));
  add('an MP3 header then random bytes', 'noise.mp3', Buffer.concat([mp3.subarray(0, 400), noise(30000)]), refused('audio_corrupt'));
  add('a corrupt FLAC', 'scrambled.flac', scramble(flac, 200), refused('audio_corrupt'));
  add('a corrupt OGG Vorbis', 'scrambled.ogg', scramble(vorbis, 200), refused('audio_corrupt'));
  add('a corrupt OGG Opus (traps the decoder)', 'noise.opus', Buffer.concat([opus.subarray(0, 300), noise(30000)]), refused('audio_corrupt'));
  return cases;
}
