// Swedish first, English second. The English texts are typed after the Swedish ones, so a text
// missing in either language fails the type check.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en';
import { sv } from '../locales/sv';

const STORAGE_KEY = 'globac.language';
export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'sv';
}

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'sv',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

function applyLanguage(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLanguage(lng);
  localStorage.setItem(STORAGE_KEY, lng);
});

export { i18n };
