import type { MemberView } from '../session/CellSession.ts';

/**
 * Is `member` the cell's only coordinator? The roster rejects their leaving or demotion (a cell
 * without a coordinator could never invite, remove or rotate again), so the screen says why first.
 */
export function isLastCoordinator(member: MemberView, members: readonly MemberView[]): boolean {
  return (
    member.role === 'coordinator' && members.filter((m) => m.role === 'coordinator').length <= 1
  );
}
