/** Interleaved PCM/float bytes → planar Float32, for the WAV formats the studio reads. */
export interface PcmFormat {
  /** 1 = integer PCM, 3 = IEEE float. */
  format: number;
  bitsPerSample: number;
  channels: number;
}

export const isSupportedPcm = ({ format, bitsPerSample }: PcmFormat) =>
  (format === 1 && [8, 16, 24, 32].includes(bitsPerSample)) || (format === 3 && [32, 64].includes(bitsPerSample));

/** Decodes whole frames of `raw` (its byteOffset must be a multiple of 8, e.g. a fresh buffer). */
export function decodePcm(raw: Uint8Array, frames: number, { format, bitsPerSample: bits, channels: ch }: PcmFormat): Float32Array[] {
  const out = Array.from({ length: ch }, () => new Float32Array(frames));
  const n = frames * ch;
  if (format === 1 && bits === 16) {
    const v = new Int16Array(raw.buffer, raw.byteOffset, n);
    for (let c = 0; c < ch; c++) {
      const o = out[c]!;
      for (let i = 0; i < frames; i++) o[i] = v[i * ch + c]! / 32768;
    }
  } else if (format === 1 && bits === 24) {
    for (let c = 0; c < ch; c++) {
      const o = out[c]!;
      for (let i = 0; i < frames; i++) {
        const at = (i * ch + c) * 3;
        o[i] = (((raw[at]! | (raw[at + 1]! << 8) | (raw[at + 2]! << 16)) << 8) >> 8) / 8388608;
      }
    }
  } else if (format === 1 && bits === 32) {
    const v = new Int32Array(raw.buffer, raw.byteOffset, n);
    for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = v[i * ch + c]! / 2147483648;
  } else if (format === 1 && bits === 8) {
    for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = (raw[i * ch + c]! - 128) / 128;
  } else if (format === 3 && bits === 32) {
    const v = new Float32Array(raw.buffer, raw.byteOffset, n);
    for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = v[i * ch + c]!;
  } else {
    const v = new Float64Array(raw.buffer, raw.byteOffset, n);
    for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = v[i * ch + c]!;
  }
  return out;
}
