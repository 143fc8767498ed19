import { z } from 'zod';
import { LANGUAGES } from '../i18n/i18n.ts';
import {
  AUTO_LOCK_MINUTES,
  DEFAULT_APP_SETTINGS,
  THEMES,
  type AppSettings,
} from './AppSettings.ts';

/** Far above any real settings row; checked before parsing. */
export const MAX_SETTINGS_BYTES = 4096;

const d = DEFAULT_APP_SETTINGS;
// Field by field: one unknown or damaged value falls back to its default, the others survive
// (a newer app version may add choices an older one does not know).
const schema = z.object({
  v: z.literal(1),
  language: z.enum(LANGUAGES).catch(d.language),
  theme: z.enum(THEMES).catch(d.theme),
  autoLockMinutes: z
    .number()
    .refine((n) => (AUTO_LOCK_MINUTES as readonly number[]).includes(n))
    .transform((n) => n as AppSettings['autoLockMinutes'])
    .catch(d.autoLockMinutes),
  confirmPanicWipe: z.boolean().catch(d.confirmPanicWipe),
  contentProtection: z.boolean().catch(d.contentProtection),
});

export type DecodeSettingsError = 'too_large' | 'malformed';

/** Settings from the bytes of the sealed row; the caller falls back to defaults on an error. */
export function decodeAppSettings(
  bytes: Uint8Array,
):
  | { readonly ok: true; readonly value: AppSettings }
  | { readonly ok: false; readonly error: DecodeSettingsError } {
  if (bytes.length > MAX_SETTINGS_BYTES) return { ok: false, error: 'too_large' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: 'malformed' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'malformed' };
  const { v: _v, ...settings } = parsed.data;
  return { ok: true, value: settings };
}
