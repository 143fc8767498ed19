/** Every reason a rendezvous message is kept from y-webrtc (see guardSignalingConn). */
export const SIGNAL_DROP_REASONS = [
  /** Not an object, no string topic, data not a string. */
  'malformed',
  /** Our room closed while its message was being checked. */
  'unknown_topic',
  /** The room's key is still being derived; y-webrtc would ignore it too. */
  'not_ready',
  'too_large',
  /** Not base64 of y-webrtc's AES-GCM container. */
  'bad_encoding',
  /** Wrong password, or junk: AES-GCM authentication failed. */
  'undecryptable',
  /** Decrypted, but not an announce or signal y-webrtc can act on safely. */
  'invalid',
  /** An answer from a peer we never made an offer to (y-webrtc would throw on it). */
  'unexpected_answer',
  /** Too many messages waiting to be checked. */
  'backlog',
] as const;

export type SignalDropReason = (typeof SIGNAL_DROP_REASONS)[number];

/** Counters of the rendezvous guard, for the whole JS context (y-webrtc shares its sockets). */
export interface SignalingStats {
  /** Messages handed to y-webrtc. */
  passed: number;
  /** Messages for topics that are not rooms of this transport, passed on unchecked. */
  foreign: number;
  /** Valid messages that are not for this peer (echoes, signals to others): normal traffic. */
  ignored: number;
  /** Announces from peers with a lower peer id: they initiate, so we do not (no glare). */
  announcesDeferred: number;
  /** Announces we sent in reply, so that such a peer learns of us and initiates. */
  announcesSent: number;
  /** WebRTC connections destroyed for not connecting in time (expireStalledConns). */
  stalledConnections: number;
  /** Sends skipped because the socket was not open (ws would throw). */
  sendSkipped: number;
  /** y-webrtc threw while handling a message or event we passed on. */
  handlerErrors: number;
  /** Relay-only rooms: signals kept from signaling for carrying no relay candidate. */
  nonRelayDropped: number;
  /** Subscribes, unsubscribes or publishes y-webrtc meant for another room's socket, kept off. */
  confined: number;
  readonly dropped: Record<SignalDropReason, number>;
}

export const createSignalingStats = (): SignalingStats => ({
  passed: 0,
  foreign: 0,
  ignored: 0,
  announcesDeferred: 0,
  announcesSent: 0,
  stalledConnections: 0,
  sendSkipped: 0,
  handlerErrors: 0,
  nonRelayDropped: 0,
  confined: 0,
  dropped: Object.fromEntries(SIGNAL_DROP_REASONS.map((r) => [r, 0])) as Record<
    SignalDropReason,
    number
  >,
});
