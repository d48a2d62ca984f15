/**
 * The output stage of a synthesis — silence for pauses, resampling to the output rate and loudness
 * metering — fed sentence by sentence. It streams (audio-core's StreamingResampler and
 * LoudnessMeter), so it can run beside the engine: `startOutputStage` puts it on its own thread,
 * where it works while the next sentence is being synthesised instead of after the last one.
 */
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import { LoudnessMeter, StreamingResampler } from '../audio/index.ts';

export class OutputStage {
  private readonly resampler: StreamingResampler;
  private readonly meter: LoudnessMeter;
  private readonly chunks: Float32Array[] = [];
  private length = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {
    this.resampler = new StreamingResampler(fromRate, toRate, 1);
    this.meter = new LoudnessMeter(toRate, 1);
  }

  private emit(block: Float32Array): void {
    if (block.length === 0) return;
    this.meter.add([block]);
    this.chunks.push(block);
    this.length += block.length;
  }

  /** A sentence's audio (at the engine rate) followed by `pauseMs` of silence. */
  push(samples: Float32Array, pauseMs: number): void {
    const silence = Math.round((pauseMs / 1000) * this.fromRate);
    const block = new Float32Array(samples.length + silence);
    block.set(samples);
    this.emit(this.resampler.process([block])[0]!);
  }

  finish(): { samples: Float32Array; loudness: LoudnessResult } {
    this.emit(this.resampler.flush()[0]!);
    const samples = new Float32Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      samples.set(chunk, offset);
      offset += chunk.length;
    }
    return { samples, loudness: this.meter.result() };
  }
}
