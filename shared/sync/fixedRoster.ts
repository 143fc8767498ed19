import { toHex } from '../crypto/bytes.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import type { RosterPort } from './RosterPort.ts';

export type FixedRole = 'coordinator' | 'writer' | 'reader';

/**
 * A roster port over a fixed member list: each member's signing key and whether it may write.
 * Readers write nothing but roster envelopes (shared/runtime/readerComments lets them comment).
 */
export function fixedRoster(
  members: ReadonlyArray<{ signPk: Uint8Array; role: FixedRole }>,
): RosterPort {
  const roles = new Map(members.map((m) => [toHex(m.signPk), m.role]));
  return {
    writeCheck(author, _epoch, kind) {
      const role = roles.get(toHex(author));
      if (!role) return 'not_member';
      if (role === 'reader' && kind !== ENVELOPE_KIND.roster) return 'not_writer';
      return 'ok';
    },
    knows: (author) => roles.has(toHex(author)),
    isCoordinator: (author) => roles.get(toHex(author)) === 'coordinator',
    onChange: () => () => undefined,
  };
}
