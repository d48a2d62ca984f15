/**
 * Where a render goes: converted to the export rate (band-limited), measured for loudness as it
 * passes, and written as Broadcast WAV (bext with the measured loudness) or CBR MP3 with ID3v2.
 */
import fs from 'node:fs';
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import type { Id3Tags } from './id3.ts';
import { LoudnessMeter } from './loudness.ts';
import { Mp3Writer } from './mp3-writer.ts';
import { StreamingResampler } from './resample.ts';
import { WavWriter, type WavSampleFormat } from './wav-writer.ts';

export interface SinkOptions {
  path: string;
  format: 'wav' | 'mp3';
  inputRate: number;
  sampleRate: number;
  channels: number;
  bitrate?: number;
  wavFormat?: WavSampleFormat;
  tags?: Id3Tags & { originator?: string };
  /** Write a bext chunk (exports); plain WAV for previews. */
  bext?: boolean;
}

export interface SinkResult {
  path: string;
  format: 'wav' | 'mp3';
  sampleRate: number;
  durationSec: number;
  bytes: number;
  loudness: LoudnessResult;
}

export class ExportSink {
  private readonly resampler: StreamingResampler;
  private readonly meter: LoudnessMeter;
  private readonly wav: WavWriter | null;
  private readonly mp3: Mp3Writer | null;
  private frames = 0;

  /** Async because the MP3 encoder's WebAssembly module is instantiated on open. */
  static async open(options: SinkOptions): Promise<ExportSink> {
    const mp3 =
      options.format === 'mp3'
        ? await Mp3Writer.open(options.path, options.sampleRate, options.channels, options.bitrate ?? 128, options.tags ?? {})
        : null;
    return new ExportSink(options, mp3);
  }

  private constructor(
    private readonly options: SinkOptions,
    mp3: Mp3Writer | null,
  ) {
    this.resampler = new StreamingResampler(options.inputRate, options.sampleRate, options.channels);
    this.meter = new LoudnessMeter(options.sampleRate, options.channels);
    const tags = options.tags ?? {};
    this.mp3 = mp3;
    if (mp3) {
      this.wav = null;
    } else {
      this.wav = new WavWriter(options.path, options.sampleRate, options.channels, {
        format: options.wavFormat ?? 'pcm24',
        bext: options.bext
          ? {
              description: [tags.title, tags.album, tags.comment].filter(Boolean).join(' — ').slice(0, 256),
              originator: (tags.author || tags.originator || 'Studio').slice(0, 32),
              originatorReference: 'STUDIO',
              codingHistory: `A=PCM,F=${options.sampleRate},W=${options.wavFormat === 'pcm16' ? 16 : 24},M=${options.channels === 1 ? 'mono' : 'stereo'},T=Studio\r\n`,
            }
          : undefined,
      });
    }
  }

  write(block: Float32Array[]): void {
    this.put(this.resampler.process(block));
  }

  private put(block: Float32Array[]): void {
    if (block[0]!.length === 0) return;
    this.meter.add(block);
    this.frames += block[0]!.length;
    this.wav?.write(block);
    this.mp3?.write(block);
  }

  finish(): SinkResult {
    this.put(this.resampler.flush());
    const loudness = this.meter.result();
    this.wav?.setLoudness(loudness);
    this.wav?.finish();
    this.mp3?.finish();
    return {
      path: this.options.path,
      format: this.options.format,
      sampleRate: this.options.sampleRate,
      durationSec: this.frames / this.options.sampleRate,
      bytes: fs.statSync(this.options.path).size,
      loudness,
    };
  }

  abort(): void {
    this.wav?.abort();
    this.mp3?.abort();
  }
}
