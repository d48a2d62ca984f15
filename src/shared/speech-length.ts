/**
 * How long a script takes to speak, estimated as the editor types, at the rate the built-in voice
 * reads: espeak-ng's 175 words a minute at speed 1, and a written Vietnamese word is one syllable.
 * Pauses between sentences add a little; the estimate is for warnings, not for programme plans.
 */
export const TTS_SYLLABLES_PER_MINUTE = 175;

export function spokenMinutes(script: string, syllablesPerMinute = TTS_SYLLABLES_PER_MINUTE): number {
  let syllables = 0;
  for (const word of script.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) syllables++;
  return syllables / syllablesPerMinute;
}
