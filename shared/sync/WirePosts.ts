import { bytesEqual } from '../crypto/bytes.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import type { CellContext } from './CellContext.ts';
import { CELL_DOC_ID } from './CellSyncOptions.ts';
import { forkReleaseKey, type ReleaseSubject } from './forkRelease.ts';
import { memberNoticeKey } from './memberNotice.ts';
import { relayNoticeKey } from './relayNotice.ts';
import { sealForkRelease } from './sealForkRelease.ts';
import type { SyncWriter } from './SyncWriter.ts';
import type { WireScope } from './WireScope.ts';

/**
 * What the engine posts besides document edits: roster ops, the sealed notices for relays and
 * for single members (relayNotice.ts, memberNotice.ts) and coordinators' releases, each into the wire doc where its
 * readers listen. A wire doc that is ours (not parked) stores what is posted first, so it is
 * re-served to whoever comes later.
 */
export class WirePosts {
  constructor(
    private readonly ctx: CellContext,
    private readonly writer: SyncWriter,
    /** Wire docs under a dropped key, still joined (EpochFollower.parked). */
    private readonly parked: () => Iterable<WireScope>,
  ) {}

  /** A roster op (governance) as our `roster` envelope in the current wire doc. */
  rosterOp(op: Uint8Array): void {
    this.writer.publish(CELL_DOC_ID, ENVELOPE_KIND.roster, op, this.ctx.current());
  }

  /**
   * Roster ops (others' too: each stays signed by its author) as our roster envelopes into the
   * newest joined wire doc of `epoch` under `contentKey`, current, in grace or parked. False if
   * we are not joined there.
   */
  rosterOpsInto(epoch: number, contentKey: Uint8Array, ops: readonly Uint8Array[]): boolean {
    const target = this.joined(epoch, contentKey);
    if (!target) return false;
    const stored = this.isOurs(target);
    for (const op of ops)
      this.writer.publish(CELL_DOC_ID, ENVELOPE_KIND.roster, op, target, stored);
    return true;
  }

  /** A notice sealed to one member into the newest joined wire doc of `epoch` under `contentKey`. */
  memberNotice(epoch: number, contentKey: Uint8Array, sealed: Uint8Array): boolean {
    const scope = this.joined(epoch, contentKey);
    if (!scope) return false;
    this.raw(scope, memberNoticeKey(sealed), sealed);
    return true;
  }

  /** A blind relay's rotation notice (its sealed wrap) into the current wire doc. */
  relayNotice(sealed: Uint8Array): void {
    this.raw(this.ctx.current(), relayNoticeKey(sealed), sealed);
  }

  /**
   * Our releases (as a coordinator) of quarantined writes, signed and sealed into the current
   * wire doc, where they are opened and checked like anyone's (Quarantine). How many were posted.
   */
  forkReleases(subjects: readonly ReleaseSubject[]): number {
    const { ctx } = this;
    const target = ctx.current();
    if (ctx.closed()) return 0;
    let posted = 0;
    for (const subject of subjects) {
      const { cellId, me } = ctx.opts;
      const sealed = sealForkRelease(subject, me, target.secrets.contentKey, cellId, target.epoch);
      if (!sealed.ok) continue;
      target.map.set(forkReleaseKey(sealed.value), sealed.value);
      posted++;
    }
    return posted;
  }

  private raw(scope: WireScope, key: string, bytes: Uint8Array): void {
    const { ctx } = this;
    if (ctx.closed() || !scope.keep(key, bytes)) return;
    scope.status.set(key, 'applied');
    const stored = this.isOurs(scope);
    this.writer.enqueue(async () => {
      if (stored) await ctx.opts.store.saveEnvelopes(scope.key, [{ envId: key, bytes }]);
      if (!ctx.closed()) scope.map.set(key, bytes);
    });
  }

  private isOurs(scope: WireScope): boolean {
    return this.ctx.scopes.get(scope.key) === scope;
  }

  /** The newest joined wire doc (not a beacon) of `epoch` sealed under `contentKey`. */
  private joined(epoch: number, contentKey: Uint8Array): WireScope | undefined {
    if (this.ctx.closed()) return undefined;
    let target: WireScope | undefined;
    for (const s of [...this.ctx.scopes.values(), ...this.parked()]) {
      if (s.epoch !== epoch || s.isBeacon || !bytesEqual(s.secrets.contentKey, contentKey))
        continue;
      if (!target || s.generation > target.generation) target = s;
    }
    return target;
  }
}
