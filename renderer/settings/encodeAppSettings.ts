import type { AppSettings } from './AppSettings.ts';

/** The plaintext of the sealed settings row (versioned JSON). */
export function encodeAppSettings(settings: AppSettings): Uint8Array {
  const { language, theme, autoLockMinutes, confirmPanicWipe, contentProtection } = settings;
  return new TextEncoder().encode(
    JSON.stringify({ v: 1, language, theme, autoLockMinutes, confirmPanicWipe, contentProtection }),
  );
}
