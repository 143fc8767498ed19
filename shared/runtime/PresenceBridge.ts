import { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import { toHex } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import { sodium } from '../crypto/sodium.ts';
import { openPresence } from '../envelope/openPresence.ts';
import { MAX_PRESENCE_STATE_BYTES } from '../envelope/presenceFormat.ts';
import { sealPresence } from '../envelope/sealPresence.ts';
import type { CellSync } from '../sync/CellSync.ts';
import type { Scheduler } from '../sync/Scheduler.ts';
import { realScheduler } from '../sync/Scheduler.ts';

/** The wire awareness field that carries our sealed blob; nothing else is ever set there. */
const FIELD = 'q';
const SEND_EVERY_MS = 150;
const MAX_BLOB_CHARS = 4096;

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

/**
 * Presence (DESIGN §4): screens use an ordinary y-protocols Awareness per document (TipTap's
 * caret extension works unchanged), but on the wire the room's awareness carries only one sealed,
 * signed, fixed-size blob per member, sent at most every 150 ms. Incoming blobs are opened,
 * checked against the roster, replay-checked by seq, parsed with a schema, and shown under the
 * roster's pseudonym, whatever name the sender claimed.
 */
export class PresenceBridge {
  private readonly locals = new Map<string, Awareness>();
  private seq = 0;
  private readonly lastSeq = new Map<string, number>();
  /** remote wire clientID -> what it shows: in which document, under which local id, what state. */
  private readonly shown = new Map<
    number,
    { docHex: string; id: number; state: object; clock: number }
  >();
  private timer: unknown;
  private activeDoc: string | undefined;
  private unbind: (() => void) | undefined;
  dropped = 0;

  constructor(
    private readonly sync: CellSync,
    private readonly cellId: Uint8Array,
    private readonly me: PresenceIdentity,
    private readonly describe: DescribeMember,
    private readonly scheduler: Scheduler = realScheduler,
  ) {
    this.bind();
    sync.onScopeChange(() => this.bind());
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
    for (const shown of this.shown.values()) if (shown.docHex === docHex) this.show(shown);
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
      for (const id of removed) this.forget(id);
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
      seq: ++this.seq,
      state,
    });
    // Awareness states travel as JSON, so the blob goes as base64.
    if (sealed.ok) channel.awareness.setLocalStateField(FIELD, sodium().to_base64(sealed.value));
  }

  private receive(wireClient: number): void {
    if (this.accept(wireClient)) return;
    // Anything unreadable from that client hides its caret: stale presence misleads.
    this.dropped++;
    this.forget(wireClient);
  }

  /** Opens and shows one client's blob; false if anything about it is wrong. */
  private accept(wireClient: number): boolean {
    const channel = this.sync.presenceChannel();
    if (!channel || wireClient === channel.awareness.clientID) return true;
    const raw: unknown = channel.awareness.getStates().get(wireClient)?.[FIELD];
    if (typeof raw !== 'string' || raw.length > MAX_BLOB_CHARS) return false;
    let bytes: Uint8Array;
    try {
      bytes = sodium().from_base64(raw);
    } catch {
      return false;
    }
    const opened = openPresence(bytes, channel.presenceKey, this.cellId, channel.epoch);
    if (!opened.ok) return false;
    const authorHex = toHex(opened.value.author);
    const who = this.describe(authorHex);
    if (!who || authorHex === toHex(this.me.signPk)) return false;
    if (opened.value.seq <= (this.lastSeq.get(authorHex) ?? 0)) return false;
    this.lastSeq.set(authorHex, opened.value.seq);
    let inner: z.infer<typeof innerSchema>;
    try {
      const parsed = innerSchema.safeParse(
        JSON.parse(new TextDecoder().decode(opened.value.state)),
      );
      if (!parsed.success) return false;
      inner = parsed.data;
    } catch {
      return false;
    }
    this.forget(wireClient);
    if (Object.keys(inner.s).length === 0) return true;
    // The roster's name and colour, never the sender's own claim.
    const state = { ...inner.s, user: { name: who.name, color: who.color } };
    const shown = {
      docHex: inner.d,
      id: pseudoClientId(authorHex),
      state,
      clock: opened.value.seq,
    };
    this.shown.set(wireClient, shown);
    this.show(shown);
    return true;
  }

  private show(shown: { docHex: string; id: number; state: object; clock: number }): void {
    const local = this.locals.get(shown.docHex);
    if (!local) return;
    local.states.set(shown.id, shown.state);
    local.meta.set(shown.id, { clock: shown.clock, lastUpdated: this.scheduler.now() });
    const changes = { added: [shown.id], updated: [], removed: [] };
    local.emit('change', [changes, 'remote']);
    local.emit('update', [changes, 'remote']);
  }

  private forget(wireClient: number): void {
    const prior = this.shown.get(wireClient);
    if (!prior) return;
    this.shown.delete(wireClient);
    const local = this.locals.get(prior.docHex);
    if (!local?.states.delete(prior.id)) return;
    local.meta.delete(prior.id);
    local.emit('change', [{ added: [], updated: [], removed: [prior.id] }, 'remote']);
    local.emit('update', [{ added: [], updated: [], removed: [prior.id] }, 'remote']);
  }

  destroy(): void {
    this.unbind?.();
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    for (const a of this.locals.values()) a.destroy();
    this.locals.clear();
  }
}

/** A stable local id for a member's caret (never their wire clientID, which a peer chooses). */
function pseudoClientId(authorHex: string): number {
  const h = hash(LABELS.clientId, [new TextEncoder().encode(authorHex)], 16);
  return (
    (((h[0] ?? 0) << 23) | ((h[1] ?? 0) << 15) | ((h[2] ?? 0) << 7) | ((h[3] ?? 0) >> 1)) >>> 0
  );
}
