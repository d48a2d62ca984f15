/**
 * Errors put into words, in the user's language, for the screen and the CLI alike: a headline by
 * the error's code, then the sentence for its reason (`details.reason`, with the details as its
 * parameters). The words live in locales/errors/<lang>.json; services only ever throw a code and
 * parameters. Their `message` is a technical detail (for a technician, a log, a bug report), shown
 * apart from the sentence: see technicalDetail.
 */
import i18next from 'i18next';
import en from './locales/errors/en.json' with { type: 'json' };
import vi from './locales/errors/vi.json' with { type: 'json' };
import type { ErrorPayload } from './errors.ts';

const words = i18next.createInstance();
void words.init({
  resources: { vi: { errors: vi }, en: { errors: en } },
  ns: ['errors'],
  defaultNS: 'errors',
  lng: 'vi',
  fallbackLng: 'vi',
  initAsync: false,
  interpolation: { escapeValue: false },
  // stdout carries the CLI's --json output: no console notice.
  showSupportNotice: false,
});

/** The parameters of a reason's sentence: the error's details, when they are an object. */
const paramsOf = (details: unknown): Record<string, unknown> => (typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : {});

export function describeError(error: ErrorPayload, language: 'vi' | 'en' = 'vi'): string {
  const t = words.getFixedT(language);
  const headline = words.exists(`code.${error.code}`) ? t(`code.${error.code}`) : t('code.internal');
  const params = paramsOf(error.details);
  const reason = typeof params.reason === 'string' && words.exists(`reason.${params.reason}`, { lng: language }) ? t(`reason.${params.reason}`, params) : null;
  return reason ? `${headline}: ${reason}` : headline;
}

/** The error's technical detail (what a service said for logs), or '' when it has none worth showing. */
export const technicalDetail = (error: ErrorPayload): string => error.message.trim();
