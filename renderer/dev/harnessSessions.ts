import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { setInsideCountry } from '../../shared/cell/setInsideCountry.ts';
import type { MemberView } from '../session/CellSession.ts';
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

/** Two linked in-memory sessions of one cell, one per fake member; Marko has marked himself inside. */
export function harnessSessions(): {
  readonly olena: LocalCellSession;
  readonly marko: LocalCellSession;
} {
  const [olenaView, markoView] = HARNESS_MEMBERS as [
    Omit<MemberView, 'isMe'>,
    Omit<MemberView, 'isMe'>,
  ];
  const olena = new LocalCellSession('Harness cell', HARNESS_MEMBERS, olenaView.signPkHex);
  const marko = new LocalCellSession('Harness cell', HARNESS_MEMBERS, markoView.signPkHex);
  linkLocalSessions(olena, marko);
  setInsideCountry(marko.doc(CELL_INDEX_DOC_ID), markoView.signPkHex, true);
  return { olena, marko };
}
