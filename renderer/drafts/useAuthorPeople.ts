import { useMemo } from 'react';
import type { AuthorPerson } from '../editor/AuthorshipLegend.tsx';
import type { CellSession } from '../session/CellSession.ts';
import { useMembers } from './useMembers.ts';

/** Members and former members as "who wrote what" shows them: every key, the name, the colour. */
export function useAuthorPeople(
  session: CellSession,
  nameOf: (signPkHex: string) => string,
): readonly AuthorPerson[] {
  const members = useMembers(session);
  return useMemo(
    () =>
      [...members, ...session.formerMembers()].map((person) => ({
        keys: [person.signPkHex, ...(person.formerKeys ?? [])],
        name: nameOf(person.signPkHex),
        colour: person.colour,
      })),
    [members, session, nameOf],
  );
}
