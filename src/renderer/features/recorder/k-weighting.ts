import { kWeightingFilters, type Biquad } from '../../../shared/audio/k-weighting.ts';

/** Direct form II transposed state for one channel through both stages. */
export class KWeightingFilter {
  private readonly stages: [Biquad, Biquad];
  private readonly z = new Float64Array(4);

  constructor(sampleRate: number) {
    this.stages = kWeightingFilters(sampleRate);
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
