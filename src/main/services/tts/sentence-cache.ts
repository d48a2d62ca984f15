/**
 * Synthesised sentences kept on disk, keyed by sha256 of the voice (and its model's fingerprint),
 * the text and every setting that changes the sound, so an unchanged sentence is never
 * synthesised twice. Each entry: an 8-byte header (sample rate, sample count) + float32 samples,
 * written to a temporary name and renamed into place.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EngineSettings } from './engine.ts';
import type { VoiceRef } from './voice-ref.ts';

export function sentenceKey(voice: VoiceRef, text: string, settings: EngineSettings): string {
  const parts = [voice.id, voice.fingerprint, text, settings.speed, settings.speaker ?? null, settings.noiseScale ?? null, settings.noiseW ?? null];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export interface CachedAudio {
  samples: Float32Array;
  sampleRate: number;
}

export class SentenceCache {
  constructor(private readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.pcm`);
  }

  get(key: string): CachedAudio | null {
    let data: Buffer;
    try {
      data = fs.readFileSync(this.file(key));
    } catch {
      return null;
    }
    if (data.length < 8) return null;
    const sampleRate = data.readUInt32LE(0);
    const count = data.readUInt32LE(4);
    if (data.length !== 8 + count * 4) return null; // a damaged entry is re-synthesised
    // Touched on use, so pruning removes the least recently used entries.
    const now = new Date();
    fs.utimesSync(this.file(key), now, now);
    const samples = new Float32Array(count);
    Buffer.from(samples.buffer).set(data.subarray(8));
    return { samples, sampleRate };
  }

  put(key: string, audio: CachedAudio): void {
    const file = this.file(key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const header = Buffer.alloc(8);
    header.writeUInt32LE(audio.sampleRate, 0);
    header.writeUInt32LE(audio.samples.length, 4);
    const temp = `${file}.${randomUUID()}.part`;
    fs.writeFileSync(temp, Buffer.concat([header, Buffer.from(audio.samples.buffer, audio.samples.byteOffset, audio.samples.byteLength)]));
    fs.renameSync(temp, file);
  }

  /** Removes the least recently used entries until the cache holds at most `maxBytes`. */
  prune(maxBytes: number): void {
    let entries: Array<{ file: string; size: number; used: number }>;
    try {
      entries = fs
        .readdirSync(this.dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.pcm'))
        .map((e) => {
          const file = path.join(e.parentPath, e.name);
          const stat = fs.statSync(file);
          return { file, size: stat.size, used: stat.mtimeMs };
        });
    } catch {
      return; // no cache yet
    }
    let total = entries.reduce((n, e) => n + e.size, 0);
    entries.sort((a, b) => a.used - b.used);
    for (const entry of entries) {
      if (total <= maxBytes) break;
      fs.rmSync(entry.file, { force: true });
      total -= entry.size;
    }
  }
}
