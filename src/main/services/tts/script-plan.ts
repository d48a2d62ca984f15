/**
 * Script text → the sentences to speak. Until the speech-text normaliser's prepareForSpeech is
 * wired in, sentences are split on end punctuation and paragraphs on blank lines.
 */
import type { ScriptPlan } from './synthesize-script.ts';

export function planScript(text: string): ScriptPlan & { spoken: string } {
  const sentences: ScriptPlan['sentences'] = [];
  text
    .normalize('NFC')
    .split(/\n\s*\n/)
    .forEach((paragraph, index) => {
      for (const sentence of paragraph.replace(/\s+/g, ' ').match(/[^.!?…]+[.!?…]*/g) ?? []) {
        if (sentence.trim()) sentences.push({ spoken: sentence.trim(), paragraph: index });
      }
    });
  return { sentences, spoken: sentences.map((s) => s.spoken).join('\n') };
}
