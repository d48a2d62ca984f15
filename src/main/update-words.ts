/**
 * Update refusals in words, for the two places outside the screen that tell the user: the CLI
 * and the desktop app's start-up (a failed migration after an update). One set of texts: the
 * updates screen's locale files.
 */
import { describeError, type ErrorPayload } from '../shared/errors.ts';
import en from '../renderer/features/updates/locales/en.json';
import vi from '../renderer/features/updates/locales/vi.json';

const WORDS: Record<'vi' | 'en', { refusal: Record<string, string> }> = { vi, en };

/** A refusal's reason in one language, its parameters filled in; the code's general wording when it has none. */
export function refusalWords(error: ErrorPayload, language: 'vi' | 'en'): string {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const template = typeof details.reason === 'string' ? WORDS[language].refusal[details.reason] : undefined;
  if (!template) return describeError(error, language);
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(details[key] ?? ''));
}
