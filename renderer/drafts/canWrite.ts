import type { MemberView } from '../session/CellSession.ts';

/**
 * Whether this member's edits count: readers (and relays) may read, but every peer rejects their
 * writes, so the screens do not offer them edits that would silently vanish.
 */
export const canWrite = (me: MemberView): boolean =>
  me.role === 'coordinator' || me.role === 'member';
