/**
 * Phonemes → Piper phoneme ids, as Piper does it: BOS "^" then pad "_", each phoneme's ids
 * followed by pad, then EOS "$". Phonemes the voice does not know are left out and counted.
 * With `phoneme_silence`, the phonemes are cut into phrases after each such phoneme, each phrase
 * gets its own BOS/EOS, and the caller inserts that many seconds of silence after it (as Piper does).
 */
import type { PiperConfig } from './piper-config.ts';

export interface PhonemeIds {
  /** One id list per phrase; phrase i is followed by silenceAfter[i] seconds of silence. */
  chunks: number[][];
  silenceAfter: number[];
  missing: Map<string, number>;
}

type IdConfig = Pick<PiperConfig, 'phonemeIdMap' | 'phonemeMap' | 'phonemeSilence'>;

export function phonemesToIds(phonemes: string, config: IdConfig): PhonemeIds {
  const map = config.phonemeIdMap;
  const pad = map.get('_')!;
  const missing = new Map<string, number>();
  const chunks: number[][] = [];
  const silenceAfter: number[] = [];
  let phrase: number[] = [...map.get('^')!, ...pad];
  const close = (silence: number) => {
    phrase.push(...map.get('$')!);
    chunks.push(phrase);
    silenceAfter.push(silence);
    phrase = [...map.get('^')!, ...pad];
  };

  const symbols = Array.from(phonemes.normalize('NFD')).flatMap((s) => config.phonemeMap.get(s) ?? [s]);
  symbols.forEach((phoneme, index) => {
    const ids = map.get(phoneme);
    if (!ids) {
      missing.set(phoneme, (missing.get(phoneme) ?? 0) + 1);
      return;
    }
    phrase.push(...ids, ...pad);
    const silence = config.phonemeSilence.get(phoneme);
    if (silence !== undefined && silence > 0 && index < symbols.length - 1) close(silence);
  });
  const lastSilence = config.phonemeSilence.get(symbols.at(-1) ?? '') ?? 0;
  close(lastSilence);
  return { chunks, silenceAfter, missing };
}
