import { fromHex, toHex } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import { decodeInviteRoomMessage } from '../invite/decodeInviteRoomMessage.ts';
import { encodeInviteRoomMessage } from '../invite/encodeInviteRoomMessage.ts';
import { MAX_INVITE_ROOM_FRAME_BYTES } from '../invite/InviteRoomMessage.ts';
import { realScheduler } from '../sync/Scheduler.ts';
import { openRendezvousTopic } from '../transport/openRendezvousTopic.ts';
import { err, ok, type Result } from '../util/result.ts';
import {
  INVITE_CHANNEL_PEER_ID_BYTES,
  MAX_INVITE_CHANNEL_MESSAGE_CHARS,
  type InviteChannelMessage,
  type InviteChannelPart,
} from './inviteChannelFormat.ts';
import { InviteFrameAssembler } from './InviteFrameAssembler.ts';
import { inviteFrameKey } from './inviteFrameKey.ts';
import type { InviteRoom } from './InviteRoom.ts';
import { DEFAULT_MAX_EXAMINED_BYTES, type InviteRoomOptions } from './InviteRoomOptions.ts';
import type { RendezvousInvites } from './InviteTransport.ts';
import { openInviteChannelMessage } from './openInviteChannelMessage.ts';
import { sealInviteChannelMessage } from './sealInviteChannelMessage.ts';
import { splitInviteFrame } from './splitInviteFrame.ts';

/** Own frames are re-sent 1 s after publishing, then at doubling intervals up to 30 s. */
export const FIRST_RESEND_MS = 1_000;
export const MAX_RESEND_MS = 30_000;
/** A new peer's hello brings a re-send, but never sooner than this after the previous one. */
export const MIN_RESEND_GAP_MS = 1_000;
/** Peer ids remembered (a flood of fake hellos costs at most one re-send per gap). */
const MAX_PEERS_REMEMBERED = 256;
/** Keys of frames of a kind this side does not read, remembered so each is counted once. */
const MAX_IGNORED_REMEMBERED = 1024;

const remember = (set: Set<string>, key: string, max: number): void => {
  if (set.size >= max) {
    const oldest = set.values().next();
    if (oldest.done !== true) set.delete(oldest.value);
  }
  set.add(key);
};

/**
 * The invite room on the rendezvous pub/sub alone (docs/PROTOCOL.md §10.3): no WebRTC, so no one
 * in the room learns anyone's address. Frames are cut into parts, each sealed under the room
 * password and published on the room's topic. The pub/sub stores nothing, so each side re-sends
 * its own frames: 1 s after publishing, then with doubling intervals up to 30 s while the room is
 * open, on each (re)connection, and (at most once a second) when a peer it has not heard from says
 * hello. Received frames are deduplicated by content key and checked exactly as on a wire doc:
 * everything is capped and validated before parsing, dropped and counted (JoinCounters) on
 * failure, never thrown.
 */
export function openRendezvousInviteRoom(
  o: InviteRoomOptions,
  via: RendezvousInvites,
): Result<InviteRoom, 'transport'> {
  const key = fromHex(o.secrets.roomPassword);
  if (key?.length !== 32) return err('transport', 'the room password must be 32 bytes of hex');
  if (o.signaling.length === 0) return err('transport', 'no rendezvous URL');
  if (o.signaling.some((u) => !/^wss?:\/\/[^\s]+$/.test(u)))
    return err('transport', 'rendezvous URLs must be ws:// or wss://');
  const scheduler = via.scheduler ?? realScheduler;
  const random = via.random ?? Math.random;
  const topicName = o.secrets.roomName;
  const c = o.counters;
  const budget = o.maxExaminedBytes ?? DEFAULT_MAX_EXAMINED_BYTES;
  const own = new Map<string, readonly InviteChannelPart[]>();
  const examined = new Set<string>();
  const ignored = new Set<string>();
  const peers = new Set<string>();
  const assembler = new InviteFrameAssembler();
  const me = randomBytes(INVITE_CHANNEL_PEER_ID_BYTES);
  const meHex = toHex(me);
  let examinedBytes = 0;
  let closed = false;
  let resendMs = FIRST_RESEND_MS;
  let resendTimer: unknown;
  let soonTimer: unknown;
  let lastRoundAt = -Infinity;

  const send = (m: InviteChannelMessage): void =>
    topic.publish(sealInviteChannelMessage(m, key, topicName));

  /** Every own frame once more, unless the previous round is still being sent. */
  const round = (): void => {
    if (closed) return;
    if (topic.backlog() > 0) return roundSoon(MIN_RESEND_GAP_MS);
    lastRoundAt = scheduler.now();
    for (const parts of own.values()) for (const part of parts) send(part);
  };
  const roundSoon = (delay?: number): void => {
    if (closed || soonTimer !== undefined || own.size === 0) return;
    const wait = delay ?? Math.max(0, lastRoundAt + MIN_RESEND_GAP_MS - scheduler.now());
    soonTimer = scheduler.setTimeout(() => {
      soonTimer = undefined;
      round();
    }, wait);
  };
  const resendLater = (): void => {
    scheduler.clearTimeout(resendTimer);
    resendTimer = scheduler.setTimeout(
      () => {
        round();
        resendMs = Math.min(MAX_RESEND_MS, resendMs * 2);
        resendLater();
      },
      resendMs * (0.8 + 0.4 * random()),
    );
  };

  const examine = (frameKey: string, value: Uint8Array): void => {
    const decoded = decodeInviteRoomMessage(value); // size cap first
    if (!decoded.ok) return c.drop(`frame.${decoded.error}`);
    if (!o.accept.includes(decoded.value.kind)) {
      // Hashed before it is remembered: a false key must not hide the real frame.
      if (frameKey !== inviteFrameKey(value)) return c.drop('frame.bad_key');
      remember(ignored, frameKey, MAX_IGNORED_REMEMBERED);
      c.ignored++;
      return;
    }
    if (examinedBytes + value.length > budget) return c.drop('frame.over_budget');
    examinedBytes += value.length;
    if (frameKey !== inviteFrameKey(value)) return c.drop('frame.bad_key');
    examined.add(frameKey);
    try {
      o.onMessage(decoded.value);
    } catch {
      c.drop('frame.handler_error');
    }
  };

  const receive = (data: string): void => {
    if (closed) return;
    const opened = openInviteChannelMessage(data, key, topicName);
    if (!opened.ok)
      return c.drop(opened.error === 'too_large' ? 'frame.too_large' : `channel.${opened.error}`);
    const m = opened.value;
    if (m.type === 'hello') {
      const id = toHex(m.peerId);
      if (id === meHex || peers.has(id)) return;
      remember(peers, id, MAX_PEERS_REMEMBERED);
      return roundSoon();
    }
    const frameKey = toHex(m.frameKey);
    // The server echoes our own messages; a frame already handled needs no more parts.
    if (own.has(frameKey) || examined.has(frameKey) || ignored.has(frameKey)) return;
    const r = assembler.add(m);
    if (r.type === 'bad_part') return c.drop('channel.bad_part');
    if (r.type === 'pending') {
      for (let i = 0; i < r.evicted; i++) c.drop('channel.evicted');
      return;
    }
    examine(r.key, r.frame);
  };

  const topic = openRendezvousTopic({
    sockets: via.sockets,
    urls: o.signaling,
    topic: topicName,
    scheduler,
    random,
    maxMessageChars: MAX_INVITE_CHANNEL_MESSAGE_CHARS,
    ...(via.connectJitterMs === undefined ? {} : { connectJitterMs: via.connectJitterMs }),
    onData: receive,
    onConnect: () => {
      send({ type: 'hello', peerId: me });
      roundSoon();
    },
    onDrop: (reason) => c.drop(`channel.${reason}`),
  });

  return ok({
    publish(message) {
      const frame = encodeInviteRoomMessage(message);
      if (frame.length > MAX_INVITE_ROOM_FRAME_BYTES || closed) return false;
      const frameKey = inviteFrameKey(frame);
      if (own.has(frameKey)) return true;
      const parts = splitInviteFrame(frame, fromHex(frameKey) ?? new Uint8Array(16));
      own.set(frameKey, parts);
      for (const part of parts) send(part);
      resendMs = FIRST_RESEND_MS;
      resendLater();
      return true;
    },
    status: () => ({ signalingConnected: topic.connected(), peers: 0 }),
    close() {
      if (closed) return;
      closed = true;
      scheduler.clearTimeout(resendTimer);
      scheduler.clearTimeout(soonTimer);
      topic.close();
      assembler.clear();
      own.clear();
    },
  });
}
