/**
 * Script text → the sentences a voice speaks, through the reading normaliser
 * (prepareForSpeech: user dictionary first, numbers, dates, abbreviations, pause markers,
 * sentences and paragraphs), so the audio says exactly what the reading preview shows.
 */
import { prepareForSpeech, type PrepareOptions } from '../reading/index.ts';
import type { ScriptPlan } from './synthesize-script.ts';

export function planScript(text: string, options: PrepareOptions = {}): ScriptPlan & { spoken: string } {
  const prepared = prepareForSpeech(text, options);
  const plan: ScriptPlan & { spoken: string } = {
    sentences: prepared.sentences.map((s) => ({
      spoken: s.spoken,
      paragraph: s.paragraph,
      ...(s.pauseAfterMs !== undefined ? { pauseAfterMs: s.pauseAfterMs } : {}),
    })),
    spoken: prepared.spoken,
  };
  if (prepared.leadingPauseMs !== undefined) plan.leadingPauseMs = prepared.leadingPauseMs;
  return plan;
}
