import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RosterEvent } from '../../../shared/roster/Roster.ts';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import { MembershipHistory } from '../../../renderer/members/MembershipHistory.tsx';
import type { CellSession } from '../../../renderer/session/CellSession.ts';

beforeAll(() => initI18n('en'));

const anna = 'a'.repeat(64);
const boris = 'b'.repeat(64);
const session = {
  me: { signPkHex: anna, pseudonym: 'Anna', isMe: true },
  members: () => [{ signPkHex: anna, pseudonym: 'Anna', isMe: true }],
  formerMembers: () => [
    { signPkHex: boris, pseudonym: 'Boris', colour: '#000000', kind: 'left', formerKeys: [] },
  ],
} as unknown as CellSession;

const text = (events: RosterEvent[]): string =>
  renderToStaticMarkup(createElement(MembershipHistory, { session, events }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('MembershipHistory', () => {
  it('an admit time past what a Date can hold (a coordinator clock up to 2^53 ms) says so, never throws', () => {
    const events: RosterEvent[] = [
      { type: 'created', opId: '01', authorHex: anna },
      {
        type: 'admitted',
        opId: '02',
        authorHex: anna,
        subjectHex: boris,
        pseudonym: 'Boris',
        role: 'member',
        at: Number.MAX_SAFE_INTEGER,
      },
      { type: 'left', opId: '03', authorHex: boris, subjectHex: boris },
      { type: 'removed', opId: '04', authorHex: 'c'.repeat(64), subjectHex: boris },
    ];
    const shown = text(events);
    expect(shown).toContain('Anna admitted Boris as Member (time unknown).');
    expect(shown).toContain('Boris left the cell.');
    expect(shown).toContain('someone this device does not know removed Boris.');
    expect(shown).toContain('Former members (1) Boris Left');
  });
});
