/**
 * Until a bulletin has audio, its length is estimated from the script. Vietnamese is written one
 * syllable per word; news readers speak about 230 syllables a minute.
 */
export const SYLLABLES_PER_SECOND = 230 / 60;

export function estimateSpeechSeconds(script: string): number {
  const syllables = script.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.round((syllables / SYLLABLES_PER_SECOND) * 10) / 10;
}
