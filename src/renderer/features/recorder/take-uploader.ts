import { api } from '../../api/client.ts';
import { concatBlocks, encodePcm16Base64 } from './pcm-encode.ts';

/** Half a second per chunk: well inside "a crash loses at most one second", few calls. */
const CHUNK_SECONDS = 0.5;
const RETRIES = 3;

/**
 * Streams one take to the main process in order: blocks are gathered into chunks, each chunk is
 * sent after the previous one was saved (seq numbers let a retry be recognised), and `finish`
 * waits for the last chunk before the take is closed.
 */
export class TakeUploader {
  private pending: Float32Array[][] = [];
  private pendingFrames = 0;
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  savedSeconds = 0;

  constructor(
    readonly sessionId: string,
    private readonly sampleRate: number,
    private readonly onSaved: (seconds: number) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(channels: Float32Array[]): void {
    if (this.failure) return;
    this.pending.push(channels);
    this.pendingFrames += channels[0]?.length ?? 0;
    if (this.pendingFrames >= CHUNK_SECONDS * this.sampleRate) this.flush();
  }

  private flush(): void {
    if (this.pendingFrames === 0) return;
    const pcm = encodePcm16Base64(concatBlocks(this.pending));
    const seq = this.seq++;
    this.pending = [];
    this.pendingFrames = 0;
    this.chain = this.chain.then(() => this.send(seq, pcm));
  }

  private async send(seq: number, pcm: string): Promise<void> {
    if (this.failure) return;
    for (let attempt = 1; ; attempt++) {
      try {
        const progress = await api.call('recorder.append', { sessionId: this.sessionId, seq, pcm });
        this.savedSeconds = progress.durationSec;
        this.onSaved(progress.durationSec);
        return;
      } catch (error) {
        if (attempt >= RETRIES) {
          this.failure = error;
          this.onError(error);
          return;
        }
      }
    }
  }

  /** Sends what is left and resolves once every chunk is on disk; rejects if one was lost. */
  async finish(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
  }
}
