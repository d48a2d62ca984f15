/**
 * Text normalisation cost, the part of synthesis time spent before any voice runs: a 1,000-word
 * script built from the real administrative documents, prepared repeatedly. Reported as time per
 * script and as a ratio against a reference run in the same process: NFC plus a naive sentence
 * split of the same text (what a pipeline without normalisation would do at least).
 */
import { prepareForSpeech } from '../src/main/services/reading/index.ts';
import { loadParagraphs, percentile } from './corpus.ts';

function scriptOfWords(paragraphs: string[], words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}

function time(fn: () => void, runs: number): number[] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

export default async function speechTextBench() {
  const script = scriptOfWords(loadParagraphs(), 1000);
  const words = script.split(/\s+/).length;
  for (let i = 0; i < 5; i++) prepareForSpeech(script); // warm the JIT
  let sentences = 0;
  const full = time(() => {
    sentences = prepareForSpeech(script).sentences.length;
  }, 30);
  const reference = time(() => {
    script.normalize('NFC').split(/(?<=[.!?])\s+|\n+/).filter(Boolean);
  }, 30);
  const p50 = percentile(full, 50);
  const refP50 = percentile(reference, 50);
  const figures = {
    words,
    characters: script.length,
    sentences,
    msPerScriptP50: Number(p50.toFixed(2)),
    msPerScriptP95: Number(percentile(full, 95).toFixed(2)),
    charactersPerSecond: Math.round(script.length / (p50 / 1000)),
    ratioToNfcAndSplit: Number((p50 / refP50).toFixed(1)),
  };
  process.stdout.write(
    `1,000-word script (${figures.characters} chars, ${sentences} sentences): p50 ${figures.msPerScriptP50} ms, p95 ${figures.msPerScriptP95} ms, ` +
      `${figures.charactersPerSecond} chars/s, ${figures.ratioToNfcAndSplit}× the time of NFC + naive split\n`,
  );
  return figures;
}
