import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { setInsideCountry } from '../../shared/cell/setInsideCountry.ts';
import type { MemberView, Role } from '../session/CellSession.ts';
import { LocalCellSession } from './LocalCellSession.ts';
import { linkLocalSessions } from './linkLocalSessions.ts';

const WORDS = ['river', 'lantern', 'orchard', 'copper', 'meadow', 'harbour', 'thistle', 'ember'];

/** The two fake members of the harness: Olena (abroad, coordinator) and Marko (inside). */
export const HARNESS_MEMBERS: readonly Omit<MemberView, 'isMe'>[] = [
  {
    signPkHex: '0a'.repeat(32),
    pseudonym: 'Olena',
    colour: '#0369A1',
    role: 'coordinator',
    verified: true,
    safetyWords: WORDS,
  },
  {
    signPkHex: '0b'.repeat(32),
    pseudonym: 'Marko',
    colour: '#B91C1C',
    role: 'member',
    verified: true,
    safetyWords: WORDS,
  },
];

/**
 * Two linked in-memory sessions of one cell, one per fake member; Marko has marked himself
 * inside. `olenaRole` lets a harness show the screens as a reader.
 */
export function harnessSessions(olenaRole: Role = 'coordinator'): {
  readonly olena: LocalCellSession;
  readonly marko: LocalCellSession;
} {
  const members = HARNESS_MEMBERS.map((m, i) => (i === 0 ? { ...m, role: olenaRole } : m));
  const [olenaView, markoView] = members as [Omit<MemberView, 'isMe'>, Omit<MemberView, 'isMe'>];
  const olena = new LocalCellSession('Harness cell', members, olenaView.signPkHex);
  const marko = new LocalCellSession('Harness cell', members, markoView.signPkHex);
  linkLocalSessions(olena, marko);
  setInsideCountry(marko.doc(CELL_INDEX_DOC_ID), markoView.signPkHex, true);
  return { olena, marko };
}
