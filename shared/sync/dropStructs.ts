import * as Y from 'yjs';

/** Per clientID, the clock range [from, to) to remove; `to` may be Infinity. */
export type DropRanges = ReadonlyMap<number, { readonly from: number; readonly to: number }>;

/** Above any clock a document reaches, and still a safe varuint. */
const PAST_EVERY_CLOCK = 2 ** 52;

/**
 * `update` (Yjs v1) without the structs of the given clients in the given clock ranges: every
 * other struct and the whole delete set stay as they were. What lies past a range comes from
 * Yjs's own diffUpdate; what lies before it is written here, the struct straddling `from` cut
 * where the range starts. Throws on bytes Yjs cannot decode (callers hold checked bytes).
 */
export function dropStructs(update: Uint8Array, drop: DropRanges): Uint8Array {
  const { structs } = Y.decodeUpdate(update);
  if (!structs.some((s) => drop.has(s.id.client))) return update;
  const without = new Map(Array.from(drop.keys(), (c) => [c, PAST_EVERY_CLOCK]));
  const parts = [Y.diffUpdate(update, Y.encodeStateVector(without)), before(structs, drop)];
  for (const [client, { to }] of drop) {
    if (!Number.isFinite(to)) continue;
    const others = new Map(without);
    others.set(client, to);
    parts.push(Y.diffUpdate(update, Y.encodeStateVector(others)));
  }
  return Y.mergeUpdates(parts);
}

/** Only the dropped clients' structs below each range's start, and no deletions. */
function before(structs: readonly (Y.Item | Y.GC | Y.Skip)[], drop: DropRanges): Uint8Array {
  const byClient = new Map<number, (Y.Item | Y.GC)[]>();
  for (const s of structs) {
    const range = drop.get(s.id.client);
    if (!range || s instanceof Y.Skip || s.id.clock >= range.from) continue;
    // Decoded structs belong to this call alone: cutting one here changes nothing else.
    const keep = range.from - s.id.clock;
    if (keep < s.length) {
      if (s instanceof Y.Item) s.content.splice(keep);
      s.length = keep;
    }
    const list = byClient.get(s.id.client) ?? [];
    list.push(s);
    byClient.set(s.id.client, list);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoder.writeLen(byClient.size);
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    const runs: (Y.Item | Y.GC | Y.Skip)[] = [];
    let end = list[0]?.id.clock ?? 0;
    for (const s of list) {
      // A gap (structs another update never delivered) stays a gap.
      if (s.id.clock > end) runs.push(new Y.Skip(Y.createID(client, end), s.id.clock - end));
      runs.push(s);
      end = s.id.clock + s.length;
    }
    encoder.writeLen(runs.length);
    encoder.writeClient(client);
    encoder.writeLen(list[0]?.id.clock ?? 0);
    for (const s of runs) s.write(encoder, 0);
  }
  encoder.writeLen(0);
  return encoder.toUint8Array();
}
