import type { ReactElement } from 'react';
import { MembersScreen } from '../members/MembersScreen.tsx';
import type { CellSession } from '../session/CellSession.ts';

/** The Members tab of a cell (renderer/members): roster, invites, approvals, roles, removal. */
export function MembersSlot({ session }: { readonly session: CellSession }): ReactElement {
  return <MembersScreen session={session} />;
}
