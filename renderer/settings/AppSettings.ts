import { LANGUAGES, type Language } from '../i18n/i18n.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The auto-lock choices offered in settings, in minutes. */
export const AUTO_LOCK_MINUTES = [1, 5, 15, 60] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_MINUTES)[number];

/**
 * App-wide preferences. Stored only sealed in the vault's `settings` table (never localStorage):
 * even a theme or a language says something about who uses the device.
 */
export interface AppSettings {
  readonly language: Language;
  readonly theme: Theme;
  readonly autoLockMinutes: AutoLockMinutes;
  /** Ask once before a panic wipe; false wipes at the first press of the shortcut. */
  readonly confirmPanicWipe: boolean;
  /** Ask the OS to keep the window out of screenshots and screen sharing. */
  readonly contentProtection: boolean;
}

export const DEFAULT_APP_SETTINGS: AppSettings = Object.freeze({
  language: 'en',
  theme: 'system',
  autoLockMinutes: 5,
  confirmPanicWipe: true,
  contentProtection: true,
});

export const isTheme = (value: string): value is Theme =>
  (THEMES as readonly string[]).includes(value);

export const isAutoLockMinutes = (value: number): value is AutoLockMinutes =>
  (AUTO_LOCK_MINUTES as readonly number[]).includes(value);

export { LANGUAGES };
