import type { TFunction } from 'i18next';
import type { ErrorPayload } from '../../../shared/errors.ts';

/** The refusal's reason in words (updates locales), or null when the error carries none we know. */
export function refusalText(t: TFunction, error: ErrorPayload): string | null {
  const details = (error.details ?? {}) as { reason?: unknown } & Record<string, unknown>;
  if (typeof details.reason !== 'string') return null;
  const key = `updates:refusal.${details.reason}`;
  const text = t(key, { ...details, interpolation: { escapeValue: false } });
  return text === key || text === `refusal.${details.reason}` ? null : text;
}
