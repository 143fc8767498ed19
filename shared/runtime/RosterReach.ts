import { deriveEpochSecrets } from '../crypto/deriveEpochSecrets.ts';
import { causalPast } from '../roster/causalPast.ts';
import type { Roster } from '../roster/Roster.ts';
import type { CellSync } from '../sync/CellSync.ts';
import { sealMemberNotice } from '../sync/sealMemberNotice.ts';
import { NoticeSender } from './NoticeSender.ts';
import { RosterEcho } from './RosterEcho.ts';
import { RosterFanout } from './RosterFanout.ts';
import type { RosterLog } from './RosterLog.ts';

export interface RosterReachDeps {
  readonly cellId: Uint8Array;
  readonly meHex: string;
  readonly sync: CellSync;
  readonly log: RosterLog;
  /** Our epoch keys now (they follow the counted rotates). */
  readonly keys: () => ReadonlyMap<number, Uint8Array>;
  /** Keys we opened from rotates, counted or not (rotate opId -> key). */
  readonly opened: ReadonlyMap<string, Uint8Array | null>;
  /** The epoch a rotate op opens, if it is a rotate we hold. */
  readonly rotateEpoch: (opId: string) => number | undefined;
}

/**
 * Makes roster ops reach members who cannot read where they were posted (PROTOCOL §11.2, §11.4):
 * ops that belong to an epoch are posted again in its room when our writing leaves it or its key
 * changes under us, and coordinators seal ops to stranded joiners (RosterEcho) and, while two
 * rotates compete for an epoch, to every member (RosterFanout).
 */
export class RosterReach {
  private readonly notices: NoticeSender;
  private readonly echo = new RosterEcho();
  private readonly fanout = new RosterFanout();

  constructor(private readonly deps: RosterReachDeps) {
    this.notices = new NoticeSender((epoch, key, boxPk, ops) => {
      const sealed = sealMemberNotice(deps.cellId, boxPk, ops);
      const { contentKey } = deriveEpochSecrets(key, deps.cellId, epoch);
      return sealed.ok && deps.sync.publishMemberNotice(epoch, contentKey, sealed.value);
    });
  }

  /** After every roster change: `left` are the epochs our writing left or whose key changed. */
  afterChange(roster: Roster, left: readonly number[], coordinator: boolean): void {
    this.carry(roster, left);
    if (!coordinator) return;
    const { deps } = this;
    const common = {
      roster,
      ops: deps.log.byId(),
      keys: deps.keys(),
      rotateEpoch: deps.rotateEpoch,
      sender: this.notices,
    };
    this.echo.update({ ...common, opened: deps.opened });
    this.fanout.update({ ...common, meHex: deps.meHex });
  }

  /**
   * Posts again, in each epoch's room on the right key, the ops that belong to that epoch: from
   * its counted rotate up to the next one (everyone there holds the past of its rotate). Ops
   * posted only in rooms we left (a rotate built on our own losing one, ops of a partition that
   * followed a dropped key) would otherwise reach nobody. Usually none or a few.
   */
  private carry(roster: Roster, epochs: readonly number[]): void {
    const { deps } = this;
    const ops = deps.log.byId();
    for (const e of new Set(epochs)) {
      const key = deps.keys().get(e);
      const start = roster.epochs[e]?.rotateOpId;
      if (!key || !start) continue;
      const known = causalPast(start, ops);
      const end = roster.epochs[e + 1]?.rotateOpId;
      const until = end ? causalPast(end, ops) : undefined;
      const carry = Array.from(ops).flatMap(([id, bytes]) =>
        known.has(id) || (until && !until.has(id)) ? [] : [bytes],
      );
      const { contentKey } = deriveEpochSecrets(key, deps.cellId, e);
      if (carry.length > 0) deps.sync.echoRosterOps(e, contentKey, carry);
    }
  }
}
