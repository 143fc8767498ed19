/**
 * Invite rooms on the rendezvous pub/sub (shared/join/openRendezvousInviteRoom.ts) over the
 * in-memory pub/sub in virtual time, for the channel's unit tests. Call after sodiumReady().
 */
import { aeadSeal } from '../../../shared/crypto/aeadSeal.ts';
import { fromHex } from '../../../shared/crypto/bytes.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import { createInviteSecret } from '../../../shared/invite/createInviteSecret.ts';
import {
  deriveInviteSecrets,
  type InviteSecrets,
} from '../../../shared/invite/deriveInviteSecrets.ts';
import type {
  InviteRoomMessage,
  InviteRoomMessageKind,
} from '../../../shared/invite/InviteRoomMessage.ts';
import { inviteChannelAd } from '../../../shared/join/inviteChannelAd.ts';
import { paddedChannelLength } from '../../../shared/join/inviteChannelFormat.ts';
import type { InviteRoom } from '../../../shared/join/InviteRoom.ts';
import { JoinCounters } from '../../../shared/join/JoinCounters.ts';
import { openInviteRoom } from '../../../shared/join/openInviteRoom.ts';
import { MemoryPubSub, type PubSubFaults } from '../../support/MemoryPubSub.ts';
import { prng } from '../../support/prng.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';

export const URL_A = 'ws://127.0.0.1:4444';

export const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

export interface ChannelWorld {
  readonly scheduler: VirtualScheduler;
  readonly pubsub: MemoryPubSub;
  readonly rand: () => number;
  readonly secrets: InviteSecrets;
  run(ms: number): Promise<void>;
}

export function channelWorld(seed: number, faults?: PubSubFaults): ChannelWorld {
  const scheduler = new VirtualScheduler();
  const rand = prng(seed);
  const pubsub = new MemoryPubSub(scheduler, rand, faults);
  return {
    scheduler,
    pubsub,
    rand,
    secrets: deriveInviteSecrets(createInviteSecret()),
    run: async (ms) => {
      await settle();
      await scheduler.advance(ms, settle);
    },
  };
}

export interface Side {
  readonly room: InviteRoom;
  readonly counters: JoinCounters;
  /** Frames handed on, in order. */
  readonly got: InviteRoomMessage[];
}

/** One side of an invite room on `w`'s pub/sub, reading the given kinds. */
export function openSide(
  w: ChannelWorld,
  accept: readonly InviteRoomMessageKind[],
  o: { urls?: readonly string[]; maxExaminedBytes?: number } = {},
): Side {
  const counters = new JoinCounters();
  const got: InviteRoomMessage[] = [];
  const r = openInviteRoom({
    transport: { sockets: w.pubsub.sockets(), scheduler: w.scheduler, random: w.rand },
    secrets: w.secrets,
    signaling: o.urls ?? [URL_A],
    accept,
    counters,
    onMessage: (m) => got.push(m),
    ...(o.maxExaminedBytes === undefined ? {} : { maxExaminedBytes: o.maxExaminedBytes }),
  });
  if (!r.ok) throw new Error(r.error);
  return { room: r.value, counters, got };
}

/**
 * Seals any plaintext the way sealInviteChannelMessage does (pad, AEAD under the room password
 * and topic, base64): for messages a correct sealer never makes.
 */
export function sealRaw(
  plain: Uint8Array,
  secrets: Pick<InviteSecrets, 'roomPassword' | 'roomName'>,
  topic = secrets.roomName,
): string {
  const key = fromHex(secrets.roomPassword);
  if (!key) throw new Error('room password');
  const sealed = aeadSeal(
    key,
    padPlaintext(plain, paddedChannelLength(plain.length)),
    inviteChannelAd(topic),
  );
  const s = sodium();
  return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}

/** A frame body of `n` seeded bytes. */
export function body(rand: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rand() * 256);
  return out;
}
