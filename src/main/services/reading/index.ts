/**
 * Vietnamese text → what a voice should say. The entry point of the reading service.
 *
 *   prepareForSpeech("UBND xã thông báo: ngày 18/9/2024 …", { dictionary, choices })
 *     → { sentences: [{ text, spoken, paragraph, pauseAfterMs?, parts }], spoken, ambiguities, … }
 *
 * Steps: legacy TCVN3/VNI text converted → NFC with one tone placement (hòa = hoà) → one scan
 * with the rules below, in this order (user dictionary first) → sentences and paragraphs.
 * Pause markers ("[pause 2s]", "[nghỉ 2 giây]") are described in pauses.ts.
 *
 * Written by hand: no maintained library normalises Vietnamese text for speech (the few npm
 * packages only spell integers); each rule family lives in its own module.
 */
import { abbreviationRules } from './abbreviations.ts';
import { citationRules } from './citations.ts';
import { dateTimeRules } from './dates-times.ts';
import { dictionaryRule } from './dictionary-rule.ts';
import { convertLegacyText } from './legacy-encodings.ts';
import { listMarkerRules } from './list-markers.ts';
import { webAddressRules } from './web-addresses.ts';
import { numberRules } from './number-rules.ts';
import { ordinalRules } from './ordinals.ts';
import { pauseRules } from './pauses.ts';
import { phoneRules } from './phone.ts';
import { romanRules } from './roman.ts';
import type { Rule } from './rule.ts';
import { scan } from './scanner.ts';
import { splitSentences } from './sentences.ts';
import { symbolRules } from './symbols.ts';
import { normaliseTones } from './tone-placement.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';
import { ReadingDictionary } from './dictionary.ts';
import type { NumberStyle } from './numbers.ts';
import type { Ambiguity, PrepareOptions, PreparedSpeech } from './types.ts';

export type * from './types.ts';
export { decodeTextBytes, convertLegacyText, vniToUnicode } from './legacy-encodings.ts';
export { isVietnameseSyllable } from './syllables.ts';
export { normaliseTones } from './tone-placement.ts';
export { readInteger, readDigits } from './numbers.ts';

const [endOfDocument, ellipsis, separatorLine, bullet, ...otherSymbols] = symbolRules;

const BUILT_IN: Rule[] = [
  ...pauseRules,
  endOfDocument!,
  ellipsis!,
  separatorLine!,
  bullet!,
  ...romanRules,
  ...listMarkerRules,
  ...webAddressRules,
  ...citationRules,
  ...phoneRules,
  ...dateTimeRules,
  ...ordinalRules,
  ...numberRules,
  ...abbreviationRules,
  ...otherSymbols,
];

/** Brings any input (legacy encodings, decomposed Unicode, either tone placement) to the text we read. */
export function cleanText(raw: string): { text: string; encoding: PreparedSpeech['encoding'] } {
  const { text, encoding } = convertLegacyText(raw.replace(/\r\n?/g, '\n'));
  return { text: normaliseTones(text).replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' '), encoding };
}

export function prepareForSpeech(raw: string, options: PrepareOptions = {}): PreparedSpeech {
  const { text, encoding } = cleanText(raw);
  const user = options.dictionary?.length ? [dictionaryRule(options.dictionary)] : [];
  const { parts, ambiguities } = scan(text, [...user, ...BUILT_IN], options.style ?? {}, options.choices);
  const { sentences, leadingPauseMs } = splitSentences(parts);
  const located: Ambiguity[] = ambiguities.map((a) => ({
    ...a,
    sentence: sentences.findIndex((s) => a.start >= s.start && a.start < s.end),
  }));
  const result: PreparedSpeech = {
    text,
    encoding,
    sentences,
    spoken: sentences.map((s) => s.spoken).join('\n'),
    ambiguities: located,
  };
  if (leadingPauseMs !== undefined) result.leadingPauseMs = leadingPauseMs;
  return result;
}

export interface ReadingDeps {
  db: Db;
  audit: AuditTrail;
  emit: (name: 'reading.dictionary.changed', payload: StudioEvents['reading.dictionary.changed']) => void;
}

/** The reading service: previews of what a voice will say, and the centre's pronunciation dictionary. */
export function createReading({ db, audit, emit }: ReadingDeps) {
  const dictionary = new ReadingDictionary(db, audit);
  return {
    /** Exactly what a voice will say, sentence by sentence, with the ambiguous readings and what was picked. */
    preview: (text: string, options: { choices?: Record<string, string>; style?: NumberStyle }) =>
      prepareForSpeech(text, { dictionary: dictionary.entries(), ...(options.choices ? { choices: options.choices } : {}), style: options.style ?? {} }),
    dictionary: {
      list: () => dictionary.list(),
      /** The entries as the normaliser takes them (for synthesis jobs). */
      entries: () => dictionary.entries(),
      upsert(input: Parameters<ReadingDictionary['upsert']>[0], actor: string) {
        const entry = dictionary.upsert(input, actor);
        emit('reading.dictionary.changed', { id: entry.id });
        return entry;
      },
      delete(id: number, actor: string): void {
        dictionary.delete(id, actor);
        emit('reading.dictionary.changed', { id });
      },
    },
  };
}

export type Reading = ReturnType<typeof createReading>;
