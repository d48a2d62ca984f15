/**
 * Runs on the audio rendering thread: copies the microphone's PCM (float, per channel) in blocks
 * of about 50 ms to the screen, with the block's peak and K-weighted energy for the meters.
 * PCM, not MediaRecorder: a compressed blob could not be written to disk as it arrives.
 */
import { KWeightingFilter } from './k-weighting.ts';

// The AudioWorkletGlobalScope is not in TypeScript's DOM library.
declare const sampleRate: number;
declare function registerProcessor(name: string, processor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}

export interface CaptureBlock {
  /** One array per channel, `frames` long. */
  channels: Float32Array[];
  frames: number;
  peak: number;
  /** Sum over channels of the sum of squares of the K-weighted signal. */
  energy: number;
}

const BLOCK_SECONDS = 0.05;

class PcmCapture extends AudioWorkletProcessor {
  private readonly channelCount: number;
  private readonly blockFrames: number;
  private readonly filters: KWeightingFilter[];
  private buffers: Float32Array[];
  private filled = 0;

  constructor(options: { processorOptions: { channels: number } }) {
    super(options);
    this.channelCount = options.processorOptions.channels;
    this.blockFrames = Math.round(sampleRate * BLOCK_SECONDS);
    this.filters = Array.from({ length: this.channelCount }, () => new KWeightingFilter(sampleRate));
    this.buffers = this.fresh();
  }

  private fresh(): Float32Array[] {
    return Array.from({ length: this.channelCount }, () => new Float32Array(this.blockFrames));
  }

  process(inputs: Float32Array[][]): boolean {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const frames = input[0]!.length;
    let offset = 0;
    while (offset < frames) {
      const take = Math.min(frames - offset, this.blockFrames - this.filled);
      for (let c = 0; c < this.channelCount; c++) {
        // A mono device recorded as stereo: both channels carry it.
        const source = input[c] ?? input[0]!;
        this.buffers[c]!.set(source.subarray(offset, offset + take), this.filled);
      }
      this.filled += take;
      offset += take;
      if (this.filled === this.blockFrames) this.flush();
    }
    return true;
  }

  private flush(): void {
    let peak = 0;
    let energy = 0;
    this.buffers.forEach((block, c) => {
      for (let i = 0; i < block.length; i++) {
        const v = Math.abs(block[i]!);
        if (v > peak) peak = v;
      }
      energy += this.filters[c]!.sumOfSquares(block);
    });
    const message: CaptureBlock = { channels: this.buffers, frames: this.filled, peak, energy };
    this.port.postMessage(message, this.buffers.map((b) => b.buffer));
    this.buffers = this.fresh();
    this.filled = 0;
  }
}

registerProcessor('pcm-capture', PcmCapture);
