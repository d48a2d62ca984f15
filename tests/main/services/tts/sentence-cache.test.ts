import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SentenceCache, sentenceKey } from '../../../../src/main/services/tts/sentence-cache.ts';
import type { VoiceRef } from '../../../../src/main/services/tts/voice-ref.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const temp = makeTempDir('studio-cache-');
afterAll(() => temp.remove());
const voice: VoiceRef = { id: 'builtin:vi', engine: 'espeak', variant: 'vi', fingerprint: 'x' };

describe('sentence cache', () => {
  it('keys on voice, model fingerprint, text and every setting that changes the sound', () => {
    const base = sentenceKey(voice, 'Xin chào.', { speed: 1 });
    expect(sentenceKey(voice, 'Xin chào.', { speed: 1 })).toBe(base);
    expect(sentenceKey(voice, 'Xin chào!', { speed: 1 })).not.toBe(base);
    expect(sentenceKey(voice, 'Xin chào.', { speed: 1.2 })).not.toBe(base);
    expect(sentenceKey(voice, 'Xin chào.', { speed: 1, speaker: 1 })).not.toBe(base);
    expect(sentenceKey(voice, 'Xin chào.', { speed: 1, noiseScale: 0.5 })).not.toBe(base);
    expect(sentenceKey({ ...voice, fingerprint: 'y' }, 'Xin chào.', { speed: 1 })).not.toBe(base);
    expect(sentenceKey({ ...voice, id: 'builtin:vi-vn-x-south' }, 'Xin chào.', { speed: 1 })).not.toBe(base);
  });

  it('returns what was stored, ignores a damaged entry, and prunes the least recently used', async () => {
    const cache = new SentenceCache(path.join(temp.dir, 'c'));
    const audio = (n: number) => ({ samples: Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * n)), sampleRate: 22050 });
    cache.put('aa01', audio(1));
    expect(cache.get('aa01')).toEqual(audio(1));
    expect(cache.get('bb02')).toBeNull();

    fs.writeFileSync(path.join(temp.dir, 'c', 'aa', 'aa01.pcm'), Buffer.alloc(20));
    expect(cache.get('aa01')).toBeNull();

    for (const key of ['k1', 'k2', 'k3']) {
      cache.put(key, audio(2));
      await new Promise((r) => setTimeout(r, 20));
    }
    cache.get('k1'); // used again: now the newest
    cache.prune(2 * 4008 + 100); // room for two entries (8-byte header + 1000 floats each)
    expect(cache.get('k1')).not.toBeNull();
    expect(cache.get('k3')).not.toBeNull();
    expect(cache.get('k2')).toBeNull();
  });
});
