import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ru from './locales/ru.json';
import uk from './locales/uk.json';

export const LANGUAGES = ['en', 'ru', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value);

/** The first supported language among the user's preferences ("uk-UA" counts as "uk"), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Initialises the shared i18next instance synchronously (resources are bundled, nothing is fetched). */
export function initI18n(language: Language): I18n {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru }, uk: { translation: uk } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes text; double escaping would show entities to the user.
    interpolation: { escapeValue: false },
  });
  return i18next;
}
