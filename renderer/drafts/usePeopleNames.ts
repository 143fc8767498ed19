import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSession } from '../session/CellSession.ts';
import { memberName } from './memberName.ts';
import { useMembers } from './useMembers.ts';

/**
 * Names by key for the cell screens: members by pseudonym, ourselves as `you`, former members as
 * "Boris (removed)" or "Boris (left)", and `unknown` only for keys the roster never had.
 */
export function usePeopleNames(
  session: CellSession,
  you: string,
  unknown: string,
): (signPkHex: string) => string {
  const { t } = useTranslation();
  const members = useMembers(session);
  return useCallback(
    (signPkHex: string) =>
      memberName(
        members,
        signPkHex,
        {
          you,
          unknown,
          former: (name, kind) =>
            t(kind === 'left' ? 'members.former.leftName' : 'members.former.removedName', { name }),
        },
        session.formerMembers(),
      ),
    [members, session, t, you, unknown],
  );
}
