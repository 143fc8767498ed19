import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { sealPresence } from '../../../shared/envelope/sealPresence.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { PresenceBridge } from '../../../shared/runtime/PresenceBridge.ts';
import { admitRecord } from '../../support/admitRecord.ts';
import { createRuntimeCell, testIdentity } from './runtimeCell.ts';

const DOC = new Uint8Array(16).fill(7);

/**
 * An awareness message as any peer in the room can send it to one other peer: any clientID,
 * any clock, any state (y-protocols trusts all three).
 */
function forgedAwareness(clientID: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientID);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify(state));
  return encoding.toUint8Array(e);
}

/** Anna and Boris, both members, each with a PresenceBridge, in one MemoryNetwork room. */
async function twoMembers() {
  const { cell, founder: a } = await createRuntimeCell(Math.random, {
    maxLatency: 5,
    reconnectMs: 5,
  });
  const { scheduler } = cell;
  const advance = (ms: number): Promise<void> => cell.advance(ms);
  // Mallory is a member too (admitted first, so Boris's roster knows her); she runs no app here,
  // she only sends what a member in the room can send.
  const mallory = testIdentity('Mallory');
  await admitRecord(a, mallory, 'member', 0);
  const b = await cell.admit(a, 'Boris', 'member', 1);
  const describe = (rt: CellRuntime) => (hex: string) => {
    const m = rt.currentRoster().members.get(hex);
    return m ? { name: m.pseudonym, color: '#000000' } : undefined;
  };
  const bridge = (rt: CellRuntime) =>
    new PresenceBridge(rt.sync, rt.cellRecord.cellId, rt.me, describe(rt), scheduler);
  const pa = bridge(a);
  const pb = bridge(b);
  await advance(500);
  /** The carets a bridge shows for other members in DOC. */
  const others = (p: PresenceBridge) => {
    const aw = p.awarenessFor(DOC);
    return Array.from(aw.getStates()).flatMap(([id, st]) => (id === aw.clientID ? [] : [st]));
  };
  const caret = (anchor: number, head: number) => ({
    cursor: { anchor, head },
    user: { name: 'Anna', color: '#000000' },
  });
  const moveAnna = async (anchor: number, head: number) => {
    pa.awarenessFor(DOC).setLocalStateField('cursor', { anchor, head });
    await advance(500);
  };
  const roomOf = (rt: CellRuntime) => rt.sync.presenceChannel()!.awareness;
  /** A blob Mallory signs with her own key, naming whatever client she likes. */
  const malloryBlob = (clientId: number, anchor: number): string => {
    const channel = b.sync.presenceChannel()!;
    const state = JSON.stringify({ d: toHex(DOC), s: { cursor: { anchor, head: anchor } } });
    const sealed = sealPresence({
      presenceKey: channel.presenceKey,
      cellId: b.cellRecord.cellId,
      epoch: channel.epoch,
      author: mallory,
      clientId,
      time: scheduler.now(),
      seq: 1,
      state: new TextEncoder().encode(state),
    });
    if (!sealed.ok) throw new Error(sealed.error);
    return sodium().to_base64(sealed.value);
  };
  return { a, b, pa, pb, bridge, others, caret, moveAnna, roomOf, advance, malloryBlob };
}

describe('presence attacks (issue 14, item 8)', () => {
  it('junk at a huge awareness clock over another member’s entry does not hide their caret', async () => {
    const { a, b, pa, pb, others, caret, moveAnna, roomOf, advance } = await twoMembers();
    await moveAnna(1, 3);
    expect(others(pb)).toEqual([caret(1, 3)]);

    // Mallory, a member in the room, sends Boris junk for Anna's awareness client at a clock far
    // above Anna's: y-protocols takes it, and ignores Anna's real updates from then on.
    const annaClient = roomOf(a).clientID;
    applyAwarenessUpdate(roomOf(b), forgedAwareness(annaClient, 2 ** 40, { q: 'AAAA' }), 'x');
    await advance(500);
    expect(others(pb)).toEqual([caret(1, 3)]);
    await moveAnna(5, 5);
    expect(others(pb)).toEqual([caret(5, 5)]);

    pa.destroy();
    pb.destroy();
    await a.close();
    await b.close();
  });

  it('a captured blob replayed to a member who just started does not show an offline member', async () => {
    const { a, b, pa, pb, bridge, others, caret, moveAnna, roomOf, advance } = await twoMembers();
    await moveAnna(1, 3);
    expect(others(pb)).toEqual([caret(1, 3)]);
    const annaClient = roomOf(a).clientID;
    const captured: unknown = roomOf(b).getStates().get(annaClient)?.['q'];
    expect(typeof captured).toBe('string');

    // Anna goes offline; Boris's room forgets her entry (as its 30 s timeout does).
    pa.destroy();
    await a.close();
    removeAwarenessStates(roomOf(b), [annaClient], 'timeout');
    pb.destroy();
    await advance(180_000);

    // Boris starts again; Mallory replays the captured blob, under Anna's client and another.
    const fresh = bridge(b);
    await advance(500);
    expect(others(fresh)).toEqual([]);
    applyAwarenessUpdate(roomOf(b), forgedAwareness(annaClient, 10_000, { q: captured }), 'x');
    applyAwarenessUpdate(roomOf(b), forgedAwareness(4242, 1, { q: captured }), 'x');
    await advance(500);
    expect(others(fresh)).toEqual([]);
    expect(fresh.dropped).toBeGreaterThanOrEqual(2);
    expect(fresh.rejected.get('stale')).toBe(1);
    expect(fresh.rejected.get('wrong_client')).toBe(1);

    fresh.destroy();
    await b.close();
  });
  it('another member’s validly signed blob or Anna’s own older blob in her entry changes nothing', async () => {
    const { a, b, pa, pb, others, caret, moveAnna, roomOf, advance, malloryBlob } =
      await twoMembers();
    await moveAnna(1, 3);
    const annaClient = roomOf(a).clientID;
    const older: unknown = roomOf(b).getStates().get(annaClient)?.['q'];
    await moveAnna(2, 4);
    expect(others(pb)).toEqual([caret(2, 4)]);

    // Mallory's own blob, signed by her and naming Anna's client: Anna's client is bound to Anna.
    const forged = malloryBlob(annaClient, 9);
    applyAwarenessUpdate(roomOf(b), forgedAwareness(annaClient, 2 ** 40, { q: forged }), 'x');
    // Anna's earlier blob (genuine, same session) replayed at a huge clock.
    applyAwarenessUpdate(roomOf(b), forgedAwareness(annaClient, 2 ** 41, { q: older }), 'x');
    // Anna's current blob again, with something else beside it.
    const current: unknown = roomOf(a).getLocalState()?.['q'];
    applyAwarenessUpdate(
      roomOf(b),
      forgedAwareness(annaClient, 2 ** 42, { q: current, x: 1 }),
      'x',
    );
    await advance(500);
    expect(others(pb)).toEqual([caret(2, 4)]);
    expect(pb.rejected.get('wrong_author')).toBe(1);
    expect(pb.rejected.get('replayed')).toBe(2);
    await moveAnna(6, 7);
    expect(others(pb)).toEqual([caret(6, 7)]);

    // Control: the same blob of Mallory's in her own client shows her caret (it is valid).
    const mClient = 5150;
    applyAwarenessUpdate(
      roomOf(b),
      forgedAwareness(mClient, 1, { q: malloryBlob(mClient, 9) }),
      'x',
    );
    await advance(100);
    expect(others(pb)).toContainEqual({
      cursor: { anchor: 9, head: 9 },
      user: { name: 'Mallory', color: '#000000' },
    });
    expect(others(pb)).toContainEqual(caret(6, 7));

    pa.destroy();
    pb.destroy();
    await a.close();
    await b.close();
  });

  it('a replay inside the 2-minute window shows at most until the blob is 2 minutes old', async () => {
    const { a, b, pa, pb, bridge, others, caret, moveAnna, roomOf, advance } = await twoMembers();
    await moveAnna(1, 3);
    const annaClient = roomOf(a).clientID;
    const captured: unknown = roomOf(b).getStates().get(annaClient)?.['q'];
    pa.destroy();
    await a.close();
    removeAwarenessStates(roomOf(b), [annaClient], 'timeout');
    pb.destroy();
    await advance(30_000);
    const fresh = bridge(b);
    applyAwarenessUpdate(roomOf(b), forgedAwareness(annaClient, 10_000, { q: captured }), 'x');
    await advance(500);
    // The documented limit: a member who saw nothing newer takes a blob this recent.
    expect(others(fresh)).toEqual([caret(1, 3)]);
    await advance(120_000);
    expect(others(fresh)).toEqual([]);
    // Sent again now (after the entry timed out again), it is stale.
    removeAwarenessStates(roomOf(b), [annaClient], 'timeout');
    const before = fresh.rejected.get('stale') ?? 0;
    applyAwarenessUpdate(roomOf(b), forgedAwareness(annaClient, 20_000, { q: captured }), 'x');
    await advance(500);
    expect(others(fresh)).toEqual([]);
    expect(fresh.rejected.get('stale')).toBe(before + 1);
    fresh.destroy();
    await b.close();
  });

  it('an idle member stays shown to one who joins minutes later (blobs are re-sealed)', async () => {
    const { a, b, pa, pb, bridge, others, caret, moveAnna, advance } = await twoMembers();
    await moveAnna(1, 3);
    await advance(300_000);
    expect(others(pb)).toEqual([caret(1, 3)]);
    pb.destroy();
    const later = bridge(b);
    await advance(10_500);
    expect(others(later)).toEqual([caret(1, 3)]);
    later.destroy();
    pa.destroy();
    await a.close();
    await b.close();
  });
});
