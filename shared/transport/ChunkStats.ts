import { FRAME_DROP_REASONS, type FrameDropReason } from './FrameDropReason.ts';

/** Counters of the chunking layer, shared by every channel of one transport. Counts only. */
export interface ChunkStats {
  messagesSent: number;
  framesSent: number;
  messagesReceived: number;
  framesReceived: number;
  /** Sends refused before framing (message above maxMessageBytes, unsupported data type). */
  sendRejected: number;
  /** The underlying channel threw on send: the channel is closed so the peer reconnects. */
  sendFailures: number;
  /** A listener (simple-peer, y-webrtc) threw while handling a delivered message. */
  listenerErrors: number;
  readonly dropped: Record<FrameDropReason, number>;
}

export const createChunkStats = (): ChunkStats => ({
  messagesSent: 0,
  framesSent: 0,
  messagesReceived: 0,
  framesReceived: 0,
  sendRejected: 0,
  sendFailures: 0,
  listenerErrors: 0,
  dropped: Object.fromEntries(FRAME_DROP_REASONS.map((r) => [r, 0])) as Record<
    FrameDropReason,
    number
  >,
});
