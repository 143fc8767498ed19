import { describe, expect, it } from 'vitest';
import { inviteTtl, MAX_CUSTOM_HOURS } from '../../../renderer/members/inviteTtl.ts';
import { isLastCoordinator } from '../../../renderer/members/isLastCoordinator.ts';
import { roleChoices } from '../../../renderer/members/roleChoices.ts';
import type { MemberView, Role } from '../../../renderer/session/CellSession.ts';

const HOUR = 3_600_000;

const member = (pseudonym: string, role: Role): MemberView => ({
  signPkHex: pseudonym.padEnd(64, '0'),
  pseudonym,
  colour: '#000000',
  role,
  verified: false,
  safetyWords: [],
  isMe: false,
});

describe('inviteTtl', () => {
  it('gives the fixed choices their length', () => {
    expect(inviteTtl('1h', 'ignored')).toEqual({ ok: true, value: HOUR });
    expect(inviteTtl('24h', '')).toEqual({ ok: true, value: 24 * HOUR });
    expect(inviteTtl('7d', '')).toEqual({ ok: true, value: 7 * 24 * HOUR });
  });

  it('accepts whole custom hours from 1 to the cap, spaces around allowed', () => {
    expect(inviteTtl('custom', '1')).toEqual({ ok: true, value: HOUR });
    expect(inviteTtl('custom', ' 48 ')).toEqual({ ok: true, value: 48 * HOUR });
    expect(inviteTtl('custom', String(MAX_CUSTOM_HOURS))).toEqual({
      ok: true,
      value: MAX_CUSTOM_HOURS * HOUR,
    });
  });

  it.each([
    '',
    ' ',
    '0',
    '-1',
    '+5',
    '1.5',
    '1e3',
    '0x10',
    '12h',
    String(MAX_CUSTOM_HOURS + 1),
    '99999',
  ])('refuses the custom value %j', (text) => {
    expect(inviteTtl('custom', text)).toMatchObject({ ok: false, error: 'custom_hours' });
  });
});

describe('isLastCoordinator and roleChoices', () => {
  const anna = member('Anna', 'coordinator');
  const boris = member('Boris', 'member');
  const relay = member('Relay', 'relay');

  it('the only coordinator is the last one and keeps the role', () => {
    const members = [anna, boris, relay];
    expect(isLastCoordinator(anna, members)).toBe(true);
    expect(isLastCoordinator(boris, members)).toBe(false);
    expect(roleChoices(anna, members)).toEqual(['coordinator']);
  });

  it('with two coordinators either may be demoted', () => {
    const chen = member('Chen', 'coordinator');
    const members = [anna, chen, boris];
    expect(isLastCoordinator(anna, members)).toBe(false);
    expect(roleChoices(anna, members)).toEqual(['coordinator', 'member', 'reader']);
  });

  it('members and readers may become anything but a relay; a relay stays a relay', () => {
    const members = [anna, boris, relay, member('Dana', 'reader')];
    expect(roleChoices(boris, members)).toEqual(['coordinator', 'member', 'reader']);
    expect(roleChoices(member('Dana', 'reader'), members)).not.toContain('relay');
    expect(roleChoices(relay, members)).toEqual(['relay']);
  });
});
