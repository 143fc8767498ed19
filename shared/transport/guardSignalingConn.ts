import { openSignalPayload } from './openSignalPayload.ts';
import { sealSignalPayload } from './sealSignalPayload.ts';
import type { SignalDropReason, SignalingStats } from './SignalingStats.ts';
import type { SubtleAesGcm } from './SubtleAesGcm.ts';
import type { RoomInternals, SignalingConnInternals } from './YWebrtcInternals.ts';

/** Open room for a topic: undefined if none, null while its key is being derived. */
export type RoomLookup = (topic: string) => RoomInternals | null | undefined;

/** Messages waiting for their check at once; a flood beyond this is dropped, not queued. */
const MAX_BACKLOG = 256;
/** At most one reply announce per room and socket in this window (it reaches every peer). */
const ANNOUNCE_REPLY_MS = 1000;
const WS_OPEN = 1;

const guarded = new WeakSet<object>();

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Puts a checkpoint between a rendezvous socket and y-webrtc's handler, which assumes every
 * message is well formed and encrypted under its key: junk makes it throw synchronously inside
 * the socket's onmessage (an uncaught exception in Node) and a wrong-password peer makes it
 * leave a rejected decrypt promise unhandled. Each `publish` for one of our rooms is opened and
 * checked first (openSignalPayload: same decoding, same key) and only what passes reaches
 * y-webrtc, in arrival order; y-webrtc then repeats the cheap decryption itself.
 *
 * It also settles who initiates. y-webrtc makes both peers offer when they see each other's
 * announce; @roamhq/wrtc has no implicit rollback, so such glare leaves one side waiting for an
 * answer forever. Here only the peer with the lower peer id initiates: an announce from a lower
 * id is not passed on but answered with our own announce, so that peer initiates.
 *
 * `send` is guarded too: ws throws when asked to send while still connecting. Installed once per
 * SignalingConn by overriding the instance's emit and send; y-webrtc's source stays untouched.
 */
export function guardSignalingConn(
  conn: SignalingConnInternals,
  lookup: RoomLookup,
  stats: SignalingStats,
  subtle: SubtleAesGcm | undefined,
): void {
  if (guarded.has(conn)) return;
  guarded.add(conn);
  const emit = conn.emit.bind(conn);
  const send = conn.send.bind(conn);
  let backlog = 0;
  let chain: Promise<void> = Promise.resolve();
  const lastReply = new Map<string, number>();
  const replyTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const safely = (f: () => void): void => {
    try {
      f();
    } catch {
      stats.handlerErrors += 1;
    }
  };
  const drop = (reason: SignalDropReason): false => {
    stats.dropped[reason] += 1;
    return false;
  };

  /** Announces ourselves on `topic`; at most once per window, the latest request deferred. */
  const replyAnnounce = (topic: string, room: RoomInternals): void => {
    if (subtle === undefined || replyTimers.has(topic)) return;
    const wait = (lastReply.get(topic) ?? -Infinity) + ANNOUNCE_REPLY_MS - performance.now();
    const send = (): void => {
      replyTimers.delete(topic);
      if (lookup(topic) !== room) return;
      lastReply.set(topic, performance.now());
      sealSignalPayload({ type: 'announce', from: room.peerId }, room.key, subtle).then(
        (data) => {
          if (lookup(topic) !== room) return;
          stats.announcesSent += 1;
          conn.send({ type: 'publish', topic, data });
        },
        () => undefined,
      );
    };
    // Deferred, never dropped: a peer whose announce we leave unanswered never initiates.
    if (wait <= 0) send();
    else replyTimers.set(topic, setTimeout(send, wait));
  };

  const admit = async (m: unknown): Promise<boolean> => {
    if (!isRecord(m)) return drop('malformed');
    // y-webrtc acts on 'publish' only; anything else (pong) passes untouched.
    if (m.type !== 'publish') return true;
    const topic = m.topic;
    if (typeof topic !== 'string') return drop('malformed');
    const room = lookup(topic);
    // Not a room of ours (a plain WebrtcProvider sharing this socket): y-webrtc's business.
    if (room === undefined) {
      stats.foreign += 1;
      return true;
    }
    if (room === null) return drop('not_ready');
    const opened = await openSignalPayload(m.data, room.key, subtle);
    if (!opened.ok) return drop(opened.error);
    // The room may have closed while decrypting.
    if (lookup(topic) !== room) return drop('unknown_topic');
    const p = opened.value;
    if (p.from === room.peerId || (p.type === 'signal' && p.to !== room.peerId)) {
      stats.ignored += 1;
      return false;
    }
    if (p.type === 'announce' && p.from < room.peerId) {
      stats.announcesDeferred += 1;
      if (!room.webrtcConns.has(p.from)) replyAnnounce(topic, room);
      return false;
    }
    // y-webrtc dereferences the existing connection for an answer without checking it exists.
    if (p.type === 'signal' && p.signal.type === 'answer' && !room.webrtcConns.has(p.from))
      return drop('unexpected_answer');
    stats.passed += 1;
    return true;
  };

  conn.send = (message: unknown): void => {
    const ws = conn.ws;
    if (ws === null || ws.readyState !== WS_OPEN) {
      stats.sendSkipped += 1;
      return;
    }
    safely(() => send(message));
  };

  conn.emit = (name: string, args: unknown[]): void => {
    if (name !== 'message') {
      safely(() => emit(name, args));
      return;
    }
    if (backlog >= MAX_BACKLOG) {
      drop('backlog');
      return;
    }
    backlog += 1;
    chain = chain
      .then(() => admit(args[0]))
      .then(
        (pass) => {
          if (pass) safely(() => emit(name, args));
        },
        () => {
          stats.handlerErrors += 1;
        },
      )
      .finally(() => {
        backlog -= 1;
      });
  };
}
