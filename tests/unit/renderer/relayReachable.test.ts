import { describe, expect, it } from 'vitest';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { createCellSession } from '../../../renderer/session/createCellSession.ts';
import { relayReachable } from '../../../renderer/session/relayReachable.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { openRelayHello, RELAY_HELLO_FIELD, relayHello } from '../../../shared/sync/relayHello.ts';
import { identity, RelayWorld } from '../cli/relayFixture.ts';

const coordinator = { signPkHex: 'aa', role: 'coordinator' } as const;
const member = { signPkHex: 'bb', role: 'member' } as const;
const relayOne = { signPkHex: 'cc', role: 'relay' } as const;
const relayTwo = { signPkHex: 'dd', role: 'relay' } as const;

describe('relayReachable', () => {
  it('is undefined when the cell has no relay, whoever is connected', () => {
    expect(relayReachable([], new Set())).toBeUndefined();
    expect(relayReachable([coordinator, member], new Set(['aa', 'bb', 'cc']))).toBeUndefined();
  });

  it('is false when the cell has relays but none of them is connected', () => {
    expect(relayReachable([coordinator, relayOne], new Set())).toBe(false);
    expect(relayReachable([coordinator, member, relayOne, relayTwo], new Set(['aa', 'bb']))).toBe(
      false,
    );
  });

  it('is true as soon as one relay of the roster is connected', () => {
    expect(relayReachable([coordinator, relayOne, relayTwo], new Set(['dd']))).toBe(true);
    expect(relayReachable([relayOne, member], new Set(['cc', 'bb']))).toBe(true);
  });

  it('counts only keys the roster gives the relay role', () => {
    // A member's key is connected, and a removed relay's key: neither is the cell's relay now.
    expect(relayReachable([{ signPkHex: 'bb', role: 'relay' }], new Set(['BB']))).toBe(false);
    expect(relayReachable([member, relayOne], new Set(['bb', 'ee']))).toBe(false);
  });
});

describe('a cell session’s relayReachable, over the in-memory network', () => {
  it('is undefined without a relay, false while the relay is away, true while it is connected', async () => {
    const { world, a } = await RelayWorld.create();
    const session = createCellSession(a, undefined);
    expect(session.status().relayReachable).toBeUndefined();

    const recR = await world.admit(a, 'relay', 'relay');
    await world.advance(500);
    expect(session.status().relayReachable).toBe(false);

    const relay = await world.openRelay(recR, 9);
    await world.advance(500);
    expect(session.status().relayReachable).toBe(true);

    await relay.close();
    await world.advance(500);
    // y-webrtc sends a leaving peer's removal, and a vanished peer's state times out after 30 s
    // (y-protocols); the in-memory network sends neither, so the timeout is applied here.
    const channel = a.sync.presenceChannel();
    if (!channel) throw new Error('Anna is in no room');
    const others = [...channel.awareness.getStates().keys()].filter(
      (id) => id !== channel.awareness.clientID,
    );
    expect(others.length).toBeGreaterThan(0);
    removeAwarenessStates(channel.awareness, others, 'timeout');
    expect(session.status().relayReachable).toBe(false);
    await session.close();
  });

  it('does not count a hello copied under another client, or one for another cell', async () => {
    const { world, a } = await RelayWorld.create();
    const session = createCellSession(a, undefined);
    const recR = await world.admit(a, 'relay', 'relay');
    const recB = await world.admit(a, 'Boris', 'member');
    const b = await world.openMember(recB, 1);
    await world.advance(500);
    const room = b.sync.presenceChannel();
    if (!room) throw new Error('Boris is in no room');
    // Boris (a member, not the relay) claims to be the relay: with the relay's key but his own
    // client id, then with a hello signed for another cell.
    const forged = relayHello(recR.identity, recR.cellId, room.awareness.clientID + 1);
    room.awareness.setLocalStateField(RELAY_HELLO_FIELD, forged);
    await world.advance(500);
    expect(session.status().relayReachable).toBe(false);
    const otherCell = relayHello(recR.identity, new Uint8Array(16), room.awareness.clientID);
    room.awareness.setLocalStateField(RELAY_HELLO_FIELD, otherCell);
    await world.advance(500);
    expect(session.status().relayReachable).toBe(false);
    // His own valid hello does not help either: his key is not a relay in the roster.
    room.awareness.setLocalStateField(
      RELAY_HELLO_FIELD,
      relayHello(recB.identity, recB.cellId, room.awareness.clientID),
    );
    await world.advance(500);
    expect(session.status().relayReachable).toBe(false);
    await b.close();
    await session.close();
  });
});

describe('relay hello', () => {
  it('opens only for the same cell and client, untampered', async () => {
    await sodiumReady();
    const relay = identity('relay');
    const cellId = new Uint8Array(16).fill(3);
    const clientId = 2 ** 40 + 12345;
    const hello = relayHello(relay, cellId, clientId);
    expect(openRelayHello(hello, cellId, clientId)).toEqual(relay.signPk);
    expect(openRelayHello(hello, cellId, clientId + 1)).toBeUndefined();
    expect(openRelayHello(hello, new Uint8Array(16), clientId)).toBeUndefined();
    const bytes = Buffer.from(hello, 'base64url');
    bytes[40] = (bytes[40] ?? 0) ^ 1;
    expect(openRelayHello(bytes.toString('base64url'), cellId, clientId)).toBeUndefined();
    for (const junk of [undefined, 7, {}, '', '!!!', 'A'.repeat(1000), hello.slice(0, 60)]) {
      expect(openRelayHello(junk, cellId, clientId)).toBeUndefined();
    }
    expect(openRelayHello(hello, cellId, -1)).toBeUndefined();
  });
});
