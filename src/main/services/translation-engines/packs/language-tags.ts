/**
 * How each layout is told the languages, and which languages a pack has, read from its
 * tokenizer's tokens (so codes a fine-tuned model added, such as `tyz_Latn` or `__tyz__`, count):
 *  - nllb: `vie_Latn`-style tokens; the source token leads the input, the target token is forced
 *    as the first generated one;
 *  - m2m100: `__vi__` tokens, used the same way;
 *  - t5 (MADLAD): a `<2tyz>` token before the source text; no source tag;
 *  - marian: one pair per model; multi-target models take a `>>tyz<<` prefix.
 * Studio codes are ISO 639 as the rest of the studio uses them (vi, tyz, …).
 */
import { StudioError } from '../../../../shared/errors.ts';
import type { MtLayout } from './mt-pack-layout.ts';

/** ISO 639-3 codes NLLB uses where the studio uses a 639-1 code. */
const TO_STUDIO: Record<string, string> = { vie: 'vi', eng: 'en', fra: 'fr', zho: 'zh' };

const TAG_PATTERNS: Record<MtLayout, RegExp> = {
  nllb: /^([a-z]{3})_[A-Z][a-z]{3}$/,
  m2m100: /^__([a-z]{2,3})__$/,
  t5: /^<2([a-z]{2,3})>$/,
  marian: /^>>([a-z]{2,3})<<$/,
};

export const isLanguageToken = (layout: MtLayout, token: string): boolean => TAG_PATTERNS[layout].test(token);

/** The layout's language token for each studio language code found among `tokens`. */
export function languageTokens(layout: MtLayout, tokens: Iterable<string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const token of tokens) {
    const code = TAG_PATTERNS[layout].exec(token)?.[1];
    if (!code) continue;
    const studio = TO_STUDIO[code] ?? code;
    // NLLB has several scripts for some languages; the Latin one is the one the studio's languages use.
    if (!found[studio] || token.endsWith('_Latn')) found[studio] = token;
  }
  return found;
}

/** A Marian pack's pair from its folder name, as OPUS-MT names them: `opus-mt-vi-tyz`. */
export function marianPairFromName(name: string): string[] {
  const match = /(?:^|[-_/])(?:opus-mt|mt)-([a-z]{2,3})-([a-z]{2,3})(?:$|[-_])/.exec(name);
  return match ? [TO_STUDIO[match[1]!] ?? match[1]!, TO_STUDIO[match[2]!] ?? match[2]!] : [];
}

export interface LanguageTagging {
  /** Put before the source text (T5 `<2tyz> `, multi-target Marian `>>tyz<< `). */
  prefix: string;
  /** Token that marks the source language in the input template (NLLB/M2M100). */
  sourceToken: string | null;
  /** Token forced as the first generated one (NLLB/M2M100). */
  targetToken: string | null;
}

const notInPack = (language: string, side: 'source' | 'target') =>
  new StudioError('invalid_argument', `the pack has no ${side} language ${language}`, { problem: 'language_not_in_pack', language, side });

/**
 * The tags for one call. `tokens` are the layout's language tokens (languageTokens); `languages`
 * the pack's languages (for Marian, which has no tokens for a single pair).
 */
export function tagsFor(layout: MtLayout, tokens: Record<string, string>, languages: string[], from: string, to: string): LanguageTagging {
  if (layout === 'nllb' || layout === 'm2m100') {
    const sourceToken = tokens[from];
    const targetToken = tokens[to];
    if (!sourceToken) throw notInPack(from, 'source');
    if (!targetToken) throw notInPack(to, 'target');
    return { prefix: '', sourceToken, targetToken };
  }
  if (layout === 't5') {
    const targetToken = tokens[to];
    if (!targetToken) throw notInPack(to, 'target');
    return { prefix: `${targetToken} `, sourceToken: null, targetToken: null };
  }
  // Marian: a multi-target model names its targets in tokens; a pair model only in its metadata.
  if (Object.keys(tokens).length > 0) {
    if (!tokens[to]) throw notInPack(to, 'target');
    return { prefix: `${tokens[to]} `, sourceToken: null, targetToken: null };
  }
  if (languages.length === 2) {
    if (languages[0] !== from) throw notInPack(from, 'source');
    if (languages[1] !== to) throw notInPack(to, 'target');
  }
  return { prefix: '', sourceToken: null, targetToken: null };
}
