/**
 * Update refusals in words, for every place that tells the user: the updates screen, the CLI and
 * the desktop app's start-up (a failed migration after an update). One set of texts, beside this
 * file in locales/update-refusals/<lang>.json, by the refusal's `details.reason`.
 */
import { describeError, type ErrorPayload } from './errors.ts';
import en from './locales/update-refusals/en.json' with { type: 'json' };
import vi from './locales/update-refusals/vi.json' with { type: 'json' };

const WORDS: Record<'vi' | 'en', Record<string, string>> = { vi, en };

/** The refusal's reason in one language with its parameters filled in, or null when it has none we know. */
export function refusalReason(error: ErrorPayload, language: 'vi' | 'en'): string | null {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const template = typeof details.reason === 'string' ? WORDS[language][details.reason] : undefined;
  return template ? template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(details[key] ?? '')) : null;
}

/** A refusal's reason in one language; the code's general wording when it has none. */
export const refusalWords = (error: ErrorPayload, language: 'vi' | 'en'): string => refusalReason(error, language) ?? describeError(error, language);
