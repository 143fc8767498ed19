import type * as Y from 'yjs';
import {
  seenNow,
  withOwnEdits,
  type OwnEdits,
  type SeenState,
} from '../../shared/seen/SeenState.ts';
import type { SeenStates } from '../../shared/seen/SeenStore.ts';

/** How long a member's own edits wait before her stored state takes them in (one write per burst). */
const SAVE_AFTER_MS = 1000;

/**
 * The "last seen" state of each draft for one open cell, loaded from the vault once and kept in
 * memory; screens listen for changes. A member's own edits are folded in at once (so they never
 * show as changed) and written shortly after. null: nothing stored for the draft yet.
 */
export class SeenDrafts {
  readonly #store: SeenStates;
  readonly #states = new Map<string, SeenState | null>();
  readonly #loading = new Set<string>();
  /** Own edits made before a draft's state was loaded. */
  readonly #early = new Map<string, OwnEdits[]>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #listeners = new Set<() => void>();

  constructor(store: SeenStates) {
    this.#store = store;
  }

  /** The state as known now, without loading (null: none stored; undefined: not loaded). */
  peek(draftId: string): SeenState | null | undefined {
    return this.#states.get(draftId);
  }

  /** The state (null: none stored; undefined: still loading, and a load is started). */
  get(draftId: string): SeenState | null | undefined {
    if (this.#states.has(draftId)) return this.#states.get(draftId);
    if (!this.#loading.has(draftId)) {
      this.#loading.add(draftId);
      void this.#store
        .load(draftId)
        .catch(() => undefined) // locked or unreadable: as if never seen
        .then((state) => {
          this.#loading.delete(draftId);
          if (this.#states.has(draftId)) return; // marked seen meanwhile
          const early = this.#early.get(draftId) ?? [];
          this.#early.delete(draftId);
          this.#states.set(draftId, state ? withOwnEdits(state, early) : null);
          this.#emit();
        });
    }
    return undefined;
  }

  /** Everything in the draft now counts as seen (first open, "Mark as seen"). */
  markSeen(draftId: string, doc: Y.Doc, body: Y.XmlFragment): Promise<void> {
    const state = seenNow(doc, body);
    this.#states.set(draftId, state);
    this.#early.delete(draftId);
    this.#emit();
    return this.#save(draftId);
  }

  /** One of her local transactions in the draft: its deletions and formatting count as seen. */
  noteOwn(draftId: string, edits: OwnEdits): void {
    const state = this.#states.get(draftId);
    if (state === undefined) {
      const early = this.#early.get(draftId) ?? [];
      early.push(edits);
      this.#early.set(draftId, early);
      return;
    }
    if (state === null) return; // set in full at first open
    this.#states.set(draftId, withOwnEdits(state, [edits]));
    if (!this.#timers.has(draftId))
      this.#timers.set(
        draftId,
        setTimeout(() => void this.#save(draftId), SAVE_AFTER_MS),
      );
  }

  /** Writes pending own edits now (the draft is closed). */
  flush(draftId: string): void {
    if (this.#timers.has(draftId)) void this.#save(draftId);
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #save(draftId: string): Promise<void> {
    const timer = this.#timers.get(draftId);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(draftId);
    const state = this.#states.get(draftId);
    // A locked vault refuses: the marks come back after the next unlock, nothing is lost but that.
    if (state) await this.#store.save(draftId, state).catch(() => undefined);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}

const bySession = new WeakMap<SeenStates, SeenDrafts>();

/** The one SeenDrafts of a cell session's store (the list and the open draft share it). */
export function seenDraftsOf(store: SeenStates | undefined): SeenDrafts | undefined {
  if (!store) return undefined;
  let seen = bySession.get(store);
  if (!seen) bySession.set(store, (seen = new SeenDrafts(store)));
  return seen;
}
