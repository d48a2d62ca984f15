import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export type UiLanguage = 'vi' | 'en';

/**
 * Each feature keeps its words beside its code (features/<feature>/locales/<lang>.json) and gets
 * them as the namespace `<feature>`; shared words live in the `common` namespace.
 */
const featureFiles = import.meta.glob<{ default: Record<string, unknown> }>('../features/*/locales/*.json', { eager: true });
const commonFiles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json', { eager: true });

function buildResources() {
  const resources: Record<string, Record<string, Record<string, unknown>>> = { vi: {}, en: {} };
  for (const [file, module] of Object.entries(featureFiles)) {
    const [, feature, language] = /features\/([^/]+)\/locales\/(\w+)\.json$/.exec(file) ?? [];
    if (feature && language) (resources[language] ??= {})[feature] = module.default;
  }
  for (const [file, module] of Object.entries(commonFiles)) {
    const [, language] = /locales\/(\w+)\.json$/.exec(file) ?? [];
    if (language) (resources[language] ??= {}).common = module.default;
  }
  return resources;
}

const STORED_LANGUAGE = 'studio.uiLanguage';

export function initI18n(): typeof i18next {
  const stored = localStorage.getItem(STORED_LANGUAGE);
  void i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: stored === 'en' ? 'en' : 'vi',
    fallbackLng: 'vi',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return i18next;
}

export function setUiLanguage(language: UiLanguage): void {
  localStorage.setItem(STORED_LANGUAGE, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}
