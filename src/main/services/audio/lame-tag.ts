/**
 * The "Info" frame with a LAME extension that LAME writes at the start of a CBR MP3: frame and byte
 * counts, a seek table, and the encoder delay and padding. Players and decoders (ffmpeg, mpg123,
 * browsers) trim that delay and padding, so the decoded file is exactly as long as what was
 * encoded. The WebAssembly LAME we use returns raw frames only (it does not expose
 * lame_get_lametag_frame), so the tag is written here, after the encode, into a frame-sized hole
 * reserved before the first audio frame. Layout: the LAME tag specification (Info tag rev 1).
 */

/** LAME's encoder delay (ENCDELAY in lame.h): samples of silence it puts before the audio. */
export const LAME_ENCODER_DELAY = 576;

export interface Mp3FrameHeader {
  /** The 4 header bytes of an audio frame, as the encoder wrote them. */
  bytes: Uint8Array;
  mpeg1: boolean;
  mono: boolean;
  samplesPerFrame: number;
  /** Length of a frame with these settings and the padding bit clear. */
  frameLength: number;
}

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES = [44100, 48000, 32000];

/** Reads a Layer III frame header; null when `bytes` does not start with one. */
export function parseFrameHeader(bytes: Uint8Array): Mp3FrameHeader | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1]! & 0xe0) !== 0xe0) return null;
  const version = (bytes[1]! >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = (bytes[1]! >> 1) & 3;
  const bitrateIndex = bytes[2]! >> 4;
  const rateIndex = (bytes[2]! >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 3;
  const sampleRate = RATES[rateIndex]! / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const kbps = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex]!;
  const samplesPerFrame = mpeg1 ? 1152 : 576;
  return {
    bytes: bytes.slice(0, 4),
    mpeg1,
    mono: bytes[3]! >> 6 === 3,
    samplesPerFrame,
    frameLength: Math.floor(((samplesPerFrame / 8) * kbps * 1000) / sampleRate),
  };
}

export interface LameTagInput {
  header: Mp3FrameHeader;
  /** Audio frames after the tag frame. */
  frames: number;
  /** Bytes of the MP3 stream, tag frame included (ID3 excluded). */
  streamBytes: number;
  /** Samples per channel that were encoded. */
  samples: number;
  kbps: number;
}

/** CRC-16/ARC (poly 0x8005 reflected, init 0), the checksum of the LAME tag. */
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

export function lameTagFrame({ header, frames, streamBytes, samples, kbps }: LameTagInput): Uint8Array {
  const frame = new Uint8Array(header.frameLength);
  const view = new DataView(frame.buffer);
  frame.set(header.bytes);
  frame[1] = frame[1]! | 0x01; // no CRC on the tag frame
  frame[2] = frame[2]! & ~0x02; // padding bit clear: the frame is exactly frameLength long
  const sideInfo = header.mpeg1 ? (header.mono ? 17 : 32) : header.mono ? 9 : 17;
  let at = 4 + sideInfo;
  frame.set([0x49, 0x6e, 0x66, 0x6f], at); // "Info": the CBR form of the Xing tag
  view.setUint32(at + 4, 0x0f); // frames, bytes, seek table and quality present
  view.setUint32(at + 8, frames);
  view.setUint32(at + 12, streamBytes);
  for (let i = 0; i < 100; i++) frame[at + 16 + i] = Math.floor((i * 256) / 100); // constant bitrate: linear
  view.setUint32(at + 116, 0);
  at += 120;
  frame.set(new TextEncoder().encode('LAME3.100'), at);
  frame[at + 9] = 0x01; // tag revision 0, method CBR
  frame[at + 10] = 0; // lowpass unknown
  // at+11..18: ReplayGain (none); at+19: flags and ATH type
  frame[at + 20] = Math.min(255, kbps);
  const padding = frames * header.samplesPerFrame - LAME_ENCODER_DELAY - samples;
  const delays = (LAME_ENCODER_DELAY << 12) | Math.max(0, Math.min(4095, padding));
  frame[at + 21] = (delays >> 16) & 0xff;
  frame[at + 22] = (delays >> 8) & 0xff;
  frame[at + 23] = delays & 0xff;
  // at+24: misc; at+25: MP3 gain; at+26..27: preset and surround
  view.setUint32(at + 28, streamBytes);
  // at+32..33: music CRC (optional, left 0); at+34..35: CRC of the tag frame's first 190 bytes
  view.setUint16(at + 34, crc16(frame.subarray(0, 190)));
  return frame;
}
