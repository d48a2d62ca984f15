/**
 * The built-in voice (espeak-ng WebAssembly) speaks every sentence of a 20-sentence Vietnamese
 * bulletin taken from real administrative text, in each regional variant: non-silent speech whose
 * length is plausible for its number of syllables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EspeakEngine } from '../../../../src/main/services/tts/espeak-engine.ts';
import { planScript } from '../../../../src/main/services/tts/script-plan.ts';
import { trimSilence } from '../../../../src/main/services/tts/trim-silence.ts';

/** The repository's sibling ../shared (real texts), wherever the checkout is. */
const SHARED_TEXT = path.resolve(import.meta.dirname, '../../../../../shared/data/vi-text');

const SOURCES = ['binh-thuan-2024-plan-news.txt', 'ca-mau-targets-2021-2025.txt', 'province-50-KH-UBND-news.txt', 'bac-kan-2298-QD-UBND-2021.txt'];

/** 20 sentences of 8–40 syllables from the shared texts, as the normaliser will have them spoken. */
function bulletinSentences(): string[] {
  const spoken: string[] = [];
  for (const file of SOURCES) {
    const text = fs.readFileSync(path.join(SHARED_TEXT, file), 'utf8');
    for (const sentence of planScript(text).sentences) {
      const syllables = sentence.spoken.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      if (syllables >= 8 && syllables <= 40 && !spoken.includes(sentence.spoken)) spoken.push(sentence.spoken);
    }
  }
  return spoken.slice(0, 20);
}

/** Fraction of 20 ms frames louder than -35 dBFS: speech has many, silence none. */
function voicedShare(samples: Float32Array, rate: number): number {
  const frame = Math.round(rate * 0.02);
  let loud = 0;
  let frames = 0;
  for (let start = 0; start + frame <= samples.length; start += frame, frames++) {
    let energy = 0;
    for (let i = start; i < start + frame; i++) energy += samples[i]! ** 2;
    if (Math.sqrt(energy / frame) > 10 ** (-35 / 20)) loud++;
  }
  return loud / Math.max(1, frames);
}

const sentences = bulletinSentences();

describe('built-in voice', () => {
  it('has a 20-sentence bulletin to read', () => {
    expect(sentences).toHaveLength(20);
    // Numbers and abbreviations were expanded before the voice sees them.
    expect(sentences.join(' ')).not.toMatch(/\d/);
  });

  for (const variant of ['vi', 'vi-vn-x-central', 'vi-vn-x-south']) {
    it(`speaks every sentence as plausible speech (${variant})`, async () => {
      const engine = new EspeakEngine(variant);
      for (const sentence of sentences) {
        const audio = await engine.synthesize(sentence, { speed: 1 });
        const speech = trimSilence(audio.samples, audio.sampleRate);
        const seconds = speech.length / audio.sampleRate;
        const syllables = sentence.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
        // Read news is 3–6 syllables a second; allow 2–9 for a synthetic voice.
        expect(seconds / syllables, sentence).toBeGreaterThan(1 / 9);
        expect(seconds / syllables, sentence).toBeLessThan(1 / 2);
        expect(voicedShare(speech, audio.sampleRate), sentence).toBeGreaterThan(0.5);
      }
    }, 120_000);
  }

  it('speaks faster at a higher speed', async () => {
    const engine = new EspeakEngine('vi');
    const normal = await engine.synthesize(sentences[0]!, { speed: 1 });
    const fast = await engine.synthesize(sentences[0]!, { speed: 1.6 });
    const slow = await engine.synthesize(sentences[0]!, { speed: 0.6 });
    expect(fast.samples.length).toBeLessThan(normal.samples.length * 0.8);
    expect(slow.samples.length).toBeGreaterThan(normal.samples.length * 1.3);
  });
});
