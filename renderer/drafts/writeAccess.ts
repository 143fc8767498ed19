import type { CellSession } from '../session/CellSession.ts';
import { canWrite } from './canWrite.ts';

/**
 * What this member may do in the cell's screens, and so what they are told: 'write', 'reader'
 * (the reader note), or 'removed' (read-only; the removed banner says why, so no role line and
 * no drag or edit hint).
 */
export function writeAccess(
  session: Pick<CellSession, 'me' | 'governance'>,
): 'write' | 'reader' | 'removed' {
  if (session.governance?.state() === 'removed') return 'removed';
  return canWrite(session.me) ? 'write' : 'reader';
}
