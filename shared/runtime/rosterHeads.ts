import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import { frontierOf } from '../roster/frontierOf.ts';
import { MAX_HEADS, type RosterOp } from '../roster/RosterOp.ts';

/**
 * The heads a new op names: the frontier of the counted ops (`applied`, canonical order). For a
 * given author, the frontier of the counted ops by identities that were ever coordinators, by the
 * author itself, and of every leave, rekey and rebox (which a rotate must see: past(rotate) says
 * which box key each wrap was sealed to): a new op never builds on
 * another member's rename, which some peers may have refused over a cap, so it never waits there
 * for good (PROTOCOL §9.9). At most MAX_HEADS, sorted.
 */
export function rosterHeads(
  applied: readonly string[],
  ops: ReadonlyMap<string, Uint8Array>,
  wasCoordinator: (hex: string) => boolean,
  authorHex?: string,
): string[] {
  const opOf = (id: string): RosterOp | undefined => {
    const d = decodeRosterOp(ops.get(id) ?? new Uint8Array());
    return d.ok ? d.value : undefined;
  };
  const authorIsCoordinator = authorHex === undefined || wasCoordinator(authorHex);
  const counts = (op: RosterOp): boolean =>
    authorHex === undefined ||
    op.authorHex === authorHex ||
    op.body.type === 'leave' ||
    op.body.type === 'rekey' ||
    // Only a coordinator's op needs them (its rotate seals to the new key); a peer that refused
    // one over a cap lets it in for a coordinator's op (PROTOCOL §9.9), never for a member's.
    (op.body.type === 'rebox' && authorIsCoordinator) ||
    wasCoordinator(op.authorHex);
  return frontierOf(applied, opOf, counts).sort().slice(-MAX_HEADS);
}
