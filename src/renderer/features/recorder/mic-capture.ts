import type { CaptureBlock } from './pcm-capture.worklet.ts';
import workletUrl from './pcm-capture.worklet.ts?worker&url';

export interface Levels {
  /** dBFS of the loudest sample in the last block. */
  peakDb: number;
  /** Momentary loudness (400 ms, K-weighted), LUFS; -Infinity in silence. */
  momentaryLufs: number;
}

const MOMENTARY_SECONDS = 0.4;

/** Why the microphone could not be opened, as the screen names it. */
export type MicFailure = 'denied' | 'notFound' | 'busy' | 'other';

export function classifyMicError(error: unknown): MicFailure {
  const name = (error as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'other';
}

/**
 * One open input device: an AudioWorklet taps its PCM, the meters are computed from every block,
 * and `onBlock` receives the PCM while someone (the take) listens.
 */
export class MicCapture {
  onLevels: (levels: Levels) => void = () => undefined;
  onBlock: ((channels: Float32Array[]) => void) | null = null;
  private readonly recent: { energy: number; frames: number }[] = [];

  private constructor(
    readonly context: AudioContext,
    private readonly stream: MediaStream,
    private readonly node: AudioWorkletNode,
    readonly channels: number,
    readonly deviceLabel: string,
  ) {
    node.port.onmessage = (event: MessageEvent<CaptureBlock>) => this.receive(event.data);
  }

  static async open(deviceId: string | undefined, channels: number): Promise<MicCapture> {
    // Broadcast speech: no echo cancelling, noise gate or automatic gain riding the level.
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        deviceId: deviceId ? { exact: deviceId } : undefined,
        channelCount: { ideal: channels },
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
      },
    });
    const context = new AudioContext({ latencyHint: 'interactive' });
    try {
      await context.audioWorklet.addModule(workletUrl);
      const source = context.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(context, 'pcm-capture', {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        channelCount: channels,
        channelCountMode: 'explicit',
        channelInterpretation: 'speakers',
        processorOptions: { channels },
      });
      source.connect(node);
      // The graph is pulled from the speakers: a silent path keeps the worklet running without
      // sending the microphone to the loudspeakers.
      const mute = context.createGain();
      mute.gain.value = 0;
      node.connect(mute).connect(context.destination);
      if (context.state === 'suspended') await context.resume();
      const label = stream.getAudioTracks()[0]?.label ?? '';
      return new MicCapture(context, stream, node, channels, label);
    } catch (error) {
      stream.getTracks().forEach((track) => track.stop());
      await context.close();
      throw error;
    }
  }

  get sampleRate(): number {
    return this.context.sampleRate;
  }

  private receive(block: CaptureBlock): void {
    this.onBlock?.(block.channels);
    this.recent.push({ energy: block.energy, frames: block.frames });
    let frames = this.recent.reduce((sum, b) => sum + b.frames, 0);
    while (this.recent.length > 1 && frames - this.recent[0]!.frames >= MOMENTARY_SECONDS * this.sampleRate) {
      frames -= this.recent.shift()!.frames;
    }
    const energy = this.recent.reduce((sum, b) => sum + b.energy, 0);
    this.onLevels({
      peakDb: block.peak > 0 ? 20 * Math.log10(block.peak) : -Infinity,
      momentaryLufs: energy > 0 ? -0.691 + 10 * Math.log10(energy / frames) : -Infinity,
    });
  }

  async close(): Promise<void> {
    this.onBlock = null;
    this.node.port.onmessage = null;
    this.node.disconnect();
    this.stream.getTracks().forEach((track) => track.stop());
    await this.context.close();
  }
}
