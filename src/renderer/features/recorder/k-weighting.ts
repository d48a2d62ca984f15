/**
 * The ITU-R BS.1770-4 K-weighting filter (high shelf + high pass) for any sample rate, with the
 * coefficient formulas of libebur128. Written here because it runs inside the capture worklet,
 * which cannot reach the main process's DSP; it feeds a display meter, not a measurement.
 */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export function kWeightingStages(sampleRate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
  return [shelf, highPass];
}

/** Direct form II transposed state for one channel through both stages. */
export class KWeightingFilter {
  private readonly stages: [Biquad, Biquad];
  private readonly z = new Float64Array(4);

  constructor(sampleRate: number) {
    this.stages = kWeightingStages(sampleRate);
  }

  /** Returns the sum of squares of the K-weighted block. */
  sumOfSquares(block: Float32Array): number {
    const [s, h] = this.stages;
    const z = this.z;
    let sum = 0;
    for (let i = 0; i < block.length; i++) {
      const x = block[i]!;
      const y1 = s.b0 * x + z[0]!;
      z[0] = s.b1 * x - s.a1 * y1 + z[1]!;
      z[1] = s.b2 * x - s.a2 * y1;
      const y2 = h.b0 * y1 + z[2]!;
      z[2] = h.b1 * y1 - h.a1 * y2 + z[3]!;
      z[3] = h.b2 * y1 - h.a2 * y2;
      sum += y2 * y2;
    }
    return sum;
  }
}
