import type { CellContext } from './CellContext.ts';
import { MAX_FORK_RELEASES_PER_SCOPE } from './forkRelease.ts';
import { openForkRelease } from './openForkRelease.ts';
import type { WireScope } from './WireScope.ts';

/**
 * Which authors' writes are held, per document (PROTOCOL §5.2): from the moment a fork proof we
 * verified names author X in document D, X's new updates and snapshots in D are kept but not
 * applied (ForkWatch), until a coordinator's signed release names that proof. Removing X from the
 * roster is the other decision: their writes are then refused for membership anyway.
 */
export class Quarantine {
  /** `${author}:${doc}` -> ids of the proofs verified against them there. */
  private readonly proofs = new Map<string, Set<string>>();
  /** `${author}:${doc}:${proofId}` released by a coordinator. */
  private readonly released = new Set<string>();
  private readonly keptPerScope = new WeakMap<WireScope, number>();

  constructor(
    private readonly ctx: CellContext,
    private readonly persist: (scope: WireScope, key: string, bytes: Uint8Array) => void,
    private readonly rescan: () => void,
  ) {}

  /** A verified proof against `authorHex` in `docHex`. */
  proven(authorHex: string, docHex: string, proofId: string): void {
    const id = `${authorHex}:${docHex}`;
    const set = this.proofs.get(id) ?? new Set<string>();
    set.add(proofId);
    this.proofs.set(id, set);
  }

  /** Whether a proof against this author in this document stands unreleased. */
  holds(authorHex: string, docHex: string): boolean {
    return this.unreleased(authorHex, docHex).length > 0;
  }

  /** Ids of the proofs against this author in this document that no release names yet. */
  unreleased(authorHex: string, docHex: string): string[] {
    const set = this.proofs.get(`${authorHex}:${docHex}`) ?? new Set<string>();
    return [...set].filter((p) => !this.released.has(`${authorHex}:${docHex}:${p}`));
  }

  /** A `release/` entry arrived in `scope`. */
  receive(scope: WireScope, key: string, value: unknown): void {
    const { ctx } = this;
    const opened = openForkRelease(key, value, {
      cellId: ctx.opts.cellId,
      epoch: scope.epoch,
      contentKey: scope.secrets.contentKey,
      roster: ctx.opts.roster,
    });
    if (!opened.ok || !(value instanceof Uint8Array)) {
      // Not (yet) a coordinator's: looked at again when the roster changes.
      const retry = !opened.ok && opened.error === 'not_coordinator';
      if (scope.status.get(key) !== 'retry') ctx.diagnostics.reject('malformed');
      scope.status.set(key, retry ? 'retry' : 'rejected');
      return;
    }
    scope.status.set(key, 'applied');
    const { authorHex, docHex, proofId } = opened.value;
    const id = `${authorHex}:${docHex}:${proofId}`;
    const kept = this.keptPerScope.get(scope) ?? 0;
    if (kept < MAX_FORK_RELEASES_PER_SCOPE) {
      this.keptPerScope.set(scope, kept + 1);
      this.persist(scope, key, value);
    }
    if (this.released.has(id)) return;
    this.released.add(id);
    ctx.diagnostics.releaseQuarantine(authorHex, docHex);
    // Held writes are opened again (they are 'retry'); those still held stay so.
    queueMicrotask(() => {
      if (!ctx.closed()) this.rescan();
    });
  }
}
