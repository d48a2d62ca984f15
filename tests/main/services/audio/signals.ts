/** Test signals generated from their definitions (seeded, so every run sees the same samples). */

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast and deterministic, plenty for test noise
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 4294967296) * 2 - 1;
  };
}

export const dbToAmp = (db: number) => 10 ** (db / 20);

/** A sine of the given peak level (dBFS), frequency and phase (degrees). */
export function sine(rate: number, seconds: number, hz: number, peakDb: number, phaseDeg = 0): Float32Array {
  const n = Math.round(rate * seconds);
  const out = new Float32Array(n);
  const a = dbToAmp(peakDb);
  const phase = (phaseDeg * Math.PI) / 180;
  for (let i = 0; i < n; i++) out[i] = a * Math.sin((2 * Math.PI * hz * i) / rate + phase);
  return out;
}

export const silence = (rate: number, seconds: number) => new Float32Array(Math.round(rate * seconds));

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Speech-like noise: low-passed noise shaped into 4–6 Hz "syllables" grouped into phrases with
 * pauses, which exercises the gating the way real speech does.
 */
export function speechLike(rate: number, seconds: number, level: number, seed: number, activity = 0.7): Float32Array {
  const n = Math.round(rate * seconds);
  const out = new Float32Array(n);
  const noise = rng(seed);
  let lp1 = 0;
  let lp2 = 0;
  const k = 1 - Math.exp((-2 * Math.PI * 1800) / rate);
  let phraseLeft = 0;
  let speaking = true;
  const syllableHz = 4 + (seed % 3);
  for (let i = 0; i < n; i++) {
    if (phraseLeft <= 0) {
      speaking = (noise() + 1) / 2 < activity;
      phraseLeft = Math.round(rate * (0.6 + (noise() + 1) * 0.7));
    }
    phraseLeft--;
    lp1 += k * (noise() - lp1);
    lp2 += k * (lp1 - lp2);
    const env = speaking ? Math.abs(Math.sin((Math.PI * syllableHz * i) / rate)) ** 1.5 : 0;
    out[i] = level * env * (lp2 * 3 + 0.2 * lp1);
  }
  return out;
}

export function sweep(rate: number, seconds: number, from: number, to: number, peakDb: number): Float32Array {
  const n = Math.round(rate * seconds);
  const out = new Float32Array(n);
  const a = dbToAmp(peakDb);
  const k = Math.log(to / from) / seconds;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    out[i] = a * Math.sin(((2 * Math.PI * from) / k) * (Math.exp(k * t) - 1));
  }
  return out;
}

/** A band-limited square wave (odd harmonics below Nyquist): intersample peaks above its samples. */
export function square(rate: number, seconds: number, hz: number, peakDb: number): Float32Array {
  const n = Math.round(rate * seconds);
  const out = new Float32Array(n);
  const a = dbToAmp(peakDb) * 0.8;
  for (let h = 1; h * hz < rate / 2; h += 2) {
    for (let i = 0; i < n; i++) out[i]! += ((a * 4) / (Math.PI * h)) * Math.sin((2 * Math.PI * h * hz * i) / rate);
  }
  return out;
}

export const mix = (a: Float32Array, b: Float32Array) => a.map((v, i) => v + (b[i] ?? 0));

/**
 * 20 ms raised-cosine fade in and out. Used on high-frequency test tones: a sine that starts at
 * full level rings in every band-limited interpolator (ffmpeg's too, each differently), which
 * would measure the edge rather than the signal.
 */
export function faded(x: Float32Array, rate: number): Float32Array {
  const n = Math.min(Math.round(rate * 0.02), Math.floor(x.length / 2));
  for (let i = 0; i < n; i++) {
    const g = 0.5 - 0.5 * Math.cos((Math.PI * i) / n);
    x[i]! *= g;
    x[x.length - 1 - i]! *= g;
  }
  return x;
}
