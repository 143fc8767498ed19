import * as Y from 'yjs';
import { ByteReader } from '../util/ByteReader.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import type { DeleteSet } from './idRanges.ts';
import { walkItems } from './walkItems.ts';

/**
 * What one member had seen of a draft, kept on her device only (never in the cell): the draft
 * doc's state vector and delete set when she last marked it seen, plus her own deletions since,
 * and the ids of the formatting items alive then (plus her own since). Ids and clocks only, never
 * text. The formatting ids are needed because the cell's docs garbage-collect deleted content: a
 * deleted bold mark and a deleted word both become "deleted content" of some length, and only
 * these ids tell a change of formatting from a deletion of text.
 */
export interface SeenState {
  readonly sv: ReadonlyMap<number, number>;
  readonly ds: DeleteSet;
  readonly formats: DeleteSet;
}

const VERSION = 1;
/** Far above a real draft's (a doc is capped well below this); refused before parsing. */
export const SEEN_STATE_MAX_BYTES = 8 * 1024 * 1024;

/** The formatting items of `fragment` that are not deleted. */
function liveFormats(fragment: Y.XmlFragment): DeleteSet {
  const ds = Y.createDeleteSet();
  walkItems(fragment, (item) => {
    if (item.deleted || !(item.content instanceof Y.ContentFormat)) return;
    let list = ds.clients.get(item.id.client);
    if (!list) ds.clients.set(item.id.client, (list = []));
    list.push({ clock: item.id.clock, len: item.length });
  });
  return Y.mergeDeleteSets([ds]);
}

/** Everything in `doc` now counts as seen (first open, "Mark as seen"). */
export function seenNow(doc: Y.Doc, fragment: Y.XmlFragment): SeenState {
  const snap = Y.snapshot(doc);
  return { sv: snap.sv, ds: snap.ds, formats: liveFormats(fragment) };
}

/** What one local transaction changed that must count as seen: her deletions, her formatting. */
export interface OwnEdits {
  readonly deleted: DeleteSet;
  /** Formatting items her transaction wrote (gone after GC if someone removes them later). */
  readonly formats: DeleteSet;
}

/**
 * The own edits of a local transaction, read in 'afterTransaction' (before Yjs collects what the
 * transaction deleted). Her insertions need nothing: they are never shown as changed, by their
 * verified author.
 */
export function ownEditsOf(tr: Y.Transaction): OwnEdits {
  const formats = Y.createDeleteSet();
  const client = tr.doc.clientID;
  const from = tr.beforeState.get(client) ?? 0;
  const to = tr.afterState.get(client) ?? 0;
  const structs = tr.doc.store.clients.get(client);
  if (structs && to > from) {
    const list: { clock: number; len: number }[] = [];
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= to) break;
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentFormat)
        list.push({ clock: struct.id.clock, len: struct.length });
    }
    if (list.length > 0) formats.clients.set(client, list);
  }
  return { deleted: tr.deleteSet, formats };
}

/** `state` with her own edits folded in (her deletions and formatting count as seen). */
export function withOwnEdits(state: SeenState, edits: readonly OwnEdits[]): SeenState {
  if (edits.length === 0) return state;
  return {
    sv: state.sv,
    ds: Y.mergeDeleteSets([state.ds, ...edits.map((e) => e.deleted)]),
    formats: Y.mergeDeleteSets([state.formats, ...edits.map((e) => e.formats)]),
  };
}

export function encodeSeenState(state: SeenState): Uint8Array {
  const seen = Y.encodeSnapshot(Y.createSnapshot(state.ds, new Map(state.sv)));
  const formats = Y.encodeSnapshot(Y.createSnapshot(state.formats, new Map()));
  return new ByteWriter()
    .u8(VERSION)
    .u32(seen.length)
    .bytes(seen)
    .u32(formats.length)
    .bytes(formats)
    .finish();
}

/** The stored state, or undefined for anything malformed (the caller starts afresh). */
export function decodeSeenState(bytes: Uint8Array): SeenState | undefined {
  if (bytes.length > SEEN_STATE_MAX_BYTES) return undefined;
  const r = new ByteReader(bytes);
  if (r.u8() !== VERSION) return undefined;
  const seenLength = r.u32();
  const seen = seenLength === undefined ? undefined : r.bytes(seenLength);
  const formatsLength = r.u32();
  const formats = formatsLength === undefined ? undefined : r.bytes(formatsLength);
  if (!seen || !formats || r.remaining !== 0) return undefined;
  try {
    const a = Y.decodeSnapshot(seen);
    const b = Y.decodeSnapshot(formats);
    if (!validClocks(a) || !validClocks(b) || b.sv.size !== 0) return undefined;
    return { sv: a.sv, ds: Y.mergeDeleteSets([a.ds]), formats: Y.mergeDeleteSets([b.ds]) };
  } catch {
    return undefined; // lib0's decoder throws on truncated or garbage varints
  }
}

const safe = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

function validClocks(snap: Y.Snapshot): boolean {
  for (const [client, clock] of snap.sv) if (!safe(client) || !safe(clock)) return false;
  for (const [client, items] of snap.ds.clients) {
    if (!safe(client)) return false;
    for (const item of items) if (!safe(item.clock) || !safe(item.len)) return false;
  }
  return true;
}
