import type { MemberView, Role } from '../session/CellSession.ts';
import { isLastCoordinator } from './isLastCoordinator.ts';

/**
 * The roles a coordinator may give `member`, their current role included, in the order the
 * roster's rules allow (shared/roster/evaluateOp.ts): a relay holds only transport secrets and
 * stays a relay (admit a new identity instead), and the last coordinator cannot be demoted.
 */
export function roleChoices(member: MemberView, members: readonly MemberView[]): readonly Role[] {
  if (member.role === 'relay') return ['relay'];
  if (isLastCoordinator(member, members)) return ['coordinator'];
  return ['coordinator', 'member', 'reader'];
}
