import type en from './locales/en.json';

// Typed keys: t('no.such.key') fails the type check instead of showing a raw key to the user.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
