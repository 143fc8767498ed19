/** What the join form says about a code's expiry (renderer/shell/formatInviteValidity.ts). */
import { describe, expect, it } from 'vitest';
import { formatInviteValidity } from '../../../renderer/shell/formatInviteValidity.ts';
import en from '../../../renderer/i18n/locales/en.json';
import ru from '../../../renderer/i18n/locales/ru.json';
import uk from '../../../renderer/i18n/locales/uk.json';

const E = Date.UTC(2026, 11, 8, 16, 31);
const H = 3_600_000;
const dateIn = (language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(E);

describe('formatInviteValidity', () => {
  it('gives the date and about how long is left, in the interface language', () => {
    expect(formatInviteValidity(E, E - 5 * H, 'en')).toEqual({
      status: 'valid',
      date: dateIn('en'),
      left: '5 hours',
    });
    expect(formatInviteValidity(E, E - 5 * H, 'ru')).toMatchObject({ left: '5 часов' });
    expect(formatInviteValidity(E, E - 2 * H, 'ru')).toMatchObject({ left: '2 часа' });
    expect(formatInviteValidity(E, E - 5 * H, 'uk')).toMatchObject({ left: '5 годин' });
    expect(formatInviteValidity(E, E - 3 * 24 * H, 'en')).toMatchObject({ left: '3 days' });
    expect(formatInviteValidity(E, E - 60_000, 'en')).toMatchObject({ left: '1 minute' });
    expect(formatInviteValidity(E, E - 1, 'uk')).toMatchObject({ left: '1 хвилина' });
    expect(dateIn('en')).toMatch(/2026/);
  });

  it('says expired once the clock is past the expiry, with the date it expired', () => {
    expect(formatInviteValidity(E, E + 1, 'en')).toEqual({ status: 'expired', date: dateIn('en') });
    expect(formatInviteValidity(E, E + 1, 'ru')).toEqual({ status: 'expired', date: dateIn('ru') });
  });

  it('has both messages in every language, with the placeholders they need', () => {
    for (const locale of [en, ru, uk]) {
      const v = locale.shell.join.validity;
      expect(v.until).toContain('{{date}}');
      expect(v.until).toContain('{{left}}');
      expect(v.expired).toContain('{{date}}');
    }
    expect(ru.shell.join.validity.until).not.toBe(en.shell.join.validity.until);
    expect(uk.shell.join.validity.expired).not.toBe(ru.shell.join.validity.expired);
  });
});
