import { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import { toHex } from '../crypto/bytes.ts';
import { sodium } from '../crypto/sodium.ts';
import { openPresence } from '../envelope/openPresence.ts';
import { MAX_PRESENCE_STATE_BYTES, type PresenceRejection } from '../envelope/presenceFormat.ts';
import { sealPresence } from '../envelope/sealPresence.ts';
import type { CellSync } from '../sync/CellSync.ts';
import type { Scheduler } from '../sync/Scheduler.ts';
import { realScheduler } from '../sync/Scheduler.ts';
import {
  judgePresence,
  PRESENCE_FRESH_MS,
  type PresenceNewest,
  type PresenceVerdictReason,
} from './judgePresence.ts';
import { pseudoClientId } from './pseudoClientId.ts';
import { restoreAwarenessEntry, type AwarenessEntry } from './restoreAwarenessEntry.ts';

/** The wire awareness field that carries our sealed blob; nothing else is ever set there. */
const FIELD = 'q';
const SEND_EVERY_MS = 150;
/**
 * Our blob is re-sealed this often even when nothing changed, so it stays fresh for members who
 * join later, stale carets are taken down, and y-protocols' own 15 s renewal (which re-sends the
 * old blob at a higher clock) does not happen while timers run.
 */
export const PRESENCE_REFRESH_MS = 10_000;
const MAX_BLOB_CHARS = 4096;
/** Awareness clients remembered (bound to an author); a member can name many, so it is capped. */
const MAX_CARRIERS = 256;

const innerSchema = z.object({
  d: z.string().regex(/^[0-9a-f]{32}$/),
  s: z.record(z.string().max(32), z.unknown()),
});

export interface PresenceIdentity {
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
}

/** Who a verified presence came from, as the UI shows them (names from the roster, never the sender). */
export type DescribeMember = (signPkHex: string) => { name: string; color: string } | undefined;

/** Why an awareness entry's presence was dropped (counted in `rejected`). */
export type PresenceDropReason =
  PresenceRejection | PresenceVerdictReason | 'unreadable' | 'not_member' | 'bad_state';

interface Shown {
  readonly docHex: string;
  readonly id: number;
  readonly state: object;
}

/** One remote awareness client: the author bound to it, and its last entry we accepted. */
interface Carrier {
  readonly author: string;
  entry: (AwarenessEntry & { readonly raw: string }) | undefined;
}

/**
 * Presence (DESIGN §4): screens use an ordinary y-protocols Awareness per document (TipTap's
 * caret extension works unchanged), but on the wire the room's awareness carries only one sealed,
 * signed, fixed-size blob per member, sent at most every 150 ms and re-sealed every 10 s. An
 * incoming blob is shown only if it opens, names the awareness client that carried it, comes from
 * the member that client is bound to, is fresh and is newer than the last one from that member
 * (PROTOCOL §6); it is shown under the roster's pseudonym, whatever name the sender claimed.
 * Anything else written into a client's entry (junk, another member's blob, a replay, at any
 * awareness clock) is dropped and counted, and the entry is put back to its last good state and
 * clock, so the member's own later updates still get through and their caret stays.
 */
export class PresenceBridge {
  private readonly locals = new Map<string, Awareness>();
  private seq = 0;
  private readonly carriers = new Map<number, Carrier>();
  /** author -> the newest blob accepted from them, and what it shows. */
  private readonly newest = new Map<
    string,
    PresenceNewest & { wireClient: number; shown: Shown | undefined }
  >();
  private timer: unknown;
  private refreshTimer: unknown;
  private activeDoc: string | undefined;
  private unbind: (() => void) | undefined;
  /** Every dropped entry; `rejected` says why. */
  dropped = 0;
  readonly rejected = new Map<PresenceDropReason, number>();

  constructor(
    private readonly sync: CellSync,
    private readonly cellId: Uint8Array,
    private readonly me: PresenceIdentity,
    private readonly describe: DescribeMember,
    private readonly scheduler: Scheduler = realScheduler,
  ) {
    this.bind();
    sync.onScopeChange(() => this.bind());
    sync.onDocReplaced((docHex) => this.docReplaced(docHex));
    this.refresh();
  }

  /**
   * A fork heal replaced the doc an Awareness is bound to (its clientID is the old session's): the
   * next awarenessFor binds a new one to the new doc (the view takes it again when it rebinds).
   */
  private docReplaced(docHex: string): void {
    const old = this.locals.get(docHex);
    if (!old) return;
    this.locals.delete(docHex);
    old.destroy();
  }

  /** The local Awareness of one document (created on first use). */
  awarenessFor(docId: Uint8Array): Awareness {
    const docHex = toHex(docId);
    const existing = this.locals.get(docHex);
    if (existing) return existing;
    // Bound to the content doc itself, so the editor recognises its own clientID and never draws
    // its own caret as someone else's. The local state starts as {} (not null): editors only add
    // fields to an existing state.
    const awareness = new Awareness(this.sync.doc(docId));
    awareness.on('change', (_c: unknown, origin: unknown) => {
      if (origin !== 'local') return;
      this.activeDoc = docHex;
      this.schedule();
    });
    this.locals.set(docHex, awareness);
    for (const n of this.newest.values()) if (n.shown?.docHex === docHex) this.show(n.shown);
    return awareness;
  }

  private bind(): void {
    this.unbind?.();
    const channel = this.sync.presenceChannel();
    if (!channel) return;
    const onChange = ({
      added,
      updated,
      removed,
    }: {
      added: number[];
      updated: number[];
      removed: number[];
    }) => {
      for (const id of [...added, ...updated]) this.receive(id);
      for (const id of removed) this.removed(id);
    };
    channel.awareness.on('change', onChange);
    this.unbind = () => channel.awareness.off('change', onChange);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, SEND_EVERY_MS);
  }

  /** Re-seals our blob and takes down carets whose newest blob is no longer fresh. */
  private refresh(): void {
    this.refreshTimer = this.scheduler.setTimeout(() => {
      this.send();
      const now = this.scheduler.now();
      for (const n of this.newest.values())
        if (n.shown && now - n.time > PRESENCE_FRESH_MS) this.takeDown(n);
      this.refresh();
    }, PRESENCE_REFRESH_MS);
  }

  private send(): void {
    const channel = this.sync.presenceChannel();
    if (!channel) return;
    // We are in at most one document at a time: the one whose local state changed last.
    const active = this.activeDoc;
    const local = active === undefined ? undefined : this.locals.get(active)?.getLocalState();
    const inner =
      active && local && Object.keys(local).length > 0 ? { d: active, s: local } : undefined;
    const state = new TextEncoder().encode(JSON.stringify(inner ?? { d: '0'.repeat(32), s: {} }));
    if (state.length > MAX_PRESENCE_STATE_BYTES) return;
    const sealed = sealPresence({
      presenceKey: channel.presenceKey,
      cellId: this.cellId,
      epoch: channel.epoch,
      author: this.me,
      clientId: channel.awareness.clientID,
      time: this.scheduler.now(),
      seq: ++this.seq,
      state,
    });
    // Awareness states travel as JSON, so the blob goes as base64. The whole state is replaced,
    // so nothing a peer wrote into our own entry stays in it.
    if (sealed.ok) channel.awareness.setLocalState({ [FIELD]: sodium().to_base64(sealed.value) });
  }

  private receive(wireClient: number): void {
    const channel = this.sync.presenceChannel();
    if (!channel || wireClient === channel.awareness.clientID) return;
    const carrier = this.carriers.get(wireClient);
    const entry = channel.awareness.getStates().get(wireClient);
    const raw: unknown = entry?.[FIELD];
    // Not presence at all (a relay's hello): none of our business.
    if (raw === undefined && carrier === undefined) return;
    const reason = this.accept(wireClient, raw, entry, carrier);
    if (reason === undefined) return;
    this.dropped++;
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
    // Put the entry back as it was: junk at a huge clock would otherwise keep every later update
    // from its real owner out (y-protocols ignores lower clocks).
    restoreAwarenessEntry(channel.awareness, wireClient, carrier?.entry);
  }

  /** Opens and shows one client's blob; the reason if anything about it is wrong. */
  private accept(
    wireClient: number,
    raw: unknown,
    entry: Record<string, unknown> | undefined,
    carrier: Carrier | undefined,
  ): PresenceDropReason | undefined {
    const channel = this.sync.presenceChannel();
    if (!channel) return undefined;
    if (typeof raw !== 'string' || raw.length > MAX_BLOB_CHARS) return 'unreadable';
    if (raw === carrier?.entry?.raw) return 'replayed';
    let bytes: Uint8Array;
    try {
      bytes = sodium().from_base64(raw);
    } catch {
      return 'unreadable';
    }
    const opened = openPresence(bytes, channel.presenceKey, this.cellId, channel.epoch);
    if (!opened.ok) return opened.error;
    const authorHex = toHex(opened.value.author);
    const who = this.describe(authorHex);
    if (!who || authorHex === toHex(this.me.signPk)) return 'not_member';
    const prior = this.newest.get(authorHex);
    const verdict = judgePresence(
      opened.value,
      authorHex,
      { clientId: wireClient, boundTo: carrier?.author },
      prior,
      this.scheduler.now(),
    );
    if (verdict) return verdict;
    let inner: z.infer<typeof innerSchema>;
    try {
      const parsed = innerSchema.safeParse(
        JSON.parse(new TextDecoder().decode(opened.value.state)),
      );
      if (!parsed.success) return 'bad_state';
      inner = parsed.data;
    } catch {
      return 'bad_state';
    }
    const meta = channel.awareness.meta.get(wireClient);
    if (!entry) return 'unreadable';
    this.bindCarrier(wireClient, authorHex).entry = {
      raw,
      state: entry,
      clock: meta?.clock ?? 0,
      lastUpdated: meta?.lastUpdated ?? 0,
    };
    const { clientId, time, seq } = opened.value;
    const next = { clientId, time, seq, wireClient, shown: prior?.shown };
    this.newest.set(authorHex, next);
    // The roster's name and colour, never the sender's own claim.
    const shown =
      Object.keys(inner.s).length === 0
        ? undefined
        : {
            docHex: inner.d,
            id: pseudoClientId(authorHex),
            state: { ...inner.s, user: { name: who.name, color: who.color } },
          };
    if (next.shown && next.shown.docHex !== shown?.docHex) this.takeDown(next);
    next.shown = shown;
    if (shown) this.show(shown);
    return undefined;
  }

  private bindCarrier(wireClient: number, author: string): Carrier {
    const existing = this.carriers.get(wireClient);
    if (existing) return existing;
    if (this.carriers.size >= MAX_CARRIERS) {
      const idle = [...this.carriers].find(([, c]) => c.entry === undefined);
      this.carriers.delete((idle ?? [...this.carriers][0])![0]);
    }
    const carrier: Carrier = { author, entry: undefined };
    this.carriers.set(wireClient, carrier);
    return carrier;
  }

  /** A client left the room (or someone said so): its carets go; its owner may come back. */
  private removed(wireClient: number): void {
    const channel = this.sync.presenceChannel();
    const carrier = this.carriers.get(wireClient);
    if (!channel || !carrier) return;
    carrier.entry = undefined;
    // Whatever clock the removal came at, the owner's next update must get through.
    if (!channel.awareness.states.has(wireClient))
      channel.awareness.meta.set(wireClient, { clock: 0, lastUpdated: 0 });
    const n = this.newest.get(carrier.author);
    if (n?.wireClient === wireClient) this.takeDown(n);
  }

  private show(shown: Shown): void {
    const local = this.locals.get(shown.docHex);
    if (!local) return;
    local.states.set(shown.id, shown.state);
    local.meta.set(shown.id, { clock: 0, lastUpdated: this.scheduler.now() });
    const changes = { added: [shown.id], updated: [], removed: [] };
    local.emit('change', [changes, 'remote']);
    local.emit('update', [changes, 'remote']);
  }

  private takeDown(n: { shown: Shown | undefined }): void {
    const prior = n.shown;
    n.shown = undefined;
    if (!prior) return;
    const local = this.locals.get(prior.docHex);
    if (!local?.states.delete(prior.id)) return;
    local.meta.delete(prior.id);
    local.emit('change', [{ added: [], updated: [], removed: [prior.id] }, 'remote']);
    local.emit('update', [{ added: [], updated: [], removed: [prior.id] }, 'remote']);
  }

  destroy(): void {
    this.unbind?.();
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    if (this.refreshTimer !== undefined) this.scheduler.clearTimeout(this.refreshTimer);
    for (const a of this.locals.values()) a.destroy();
    this.locals.clear();
  }
}
