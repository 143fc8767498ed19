import { err, ok, type Result } from '../../shared/util/result.ts';

export type ExpiryChoice = '1h' | '24h' | '7d' | 'custom';

export const EXPIRY_CHOICES: readonly ExpiryChoice[] = ['1h', '24h', '7d', 'custom'];

const HOUR_MS = 60 * 60 * 1000;

/** A code that lives longer than a month is more likely to leak than to be needed. */
export const MAX_CUSTOM_HOURS = 30 * 24;

const FIXED_HOURS: Readonly<Record<Exclude<ExpiryChoice, 'custom'>, number>> = {
  '1h': 1,
  '24h': 24,
  '7d': 7 * 24,
};

/**
 * How long a new invite stays valid, in ms. A custom value is whole hours from 1 to
 * MAX_CUSTOM_HOURS, typed as digits only (no "1e3", no fractions, no signs).
 */
export function inviteTtl(
  choice: ExpiryChoice,
  customHours: string,
): Result<number, 'custom_hours'> {
  if (choice !== 'custom') return ok(FIXED_HOURS[choice] * HOUR_MS);
  const text = customHours.trim();
  if (!/^\d{1,4}$/.test(text)) return err('custom_hours');
  const hours = Number(text);
  if (hours < 1 || hours > MAX_CUSTOM_HOURS) return err('custom_hours');
  return ok(hours * HOUR_MS);
}
