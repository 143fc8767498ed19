import { z } from 'zod';

const peerId = z.string().min(1).max(128);

/** Exactly what simple-peer emits as 'signal' for a data-channel-only connection. */
const simplePeerSignal = z.union([
  z.strictObject({ type: z.enum(['offer', 'answer']), sdp: z.string().max(64 * 1024) }),
  z.strictObject({
    type: z.literal('candidate'),
    candidate: z.strictObject({
      candidate: z.string().max(4096),
      sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
      sdpMid: z.string().max(256).nullable().optional(),
    }),
  }),
  z.strictObject({ type: z.literal('renegotiate'), renegotiate: z.literal(true) }),
]);

/**
 * A decrypted y-webrtc signaling payload. Strict, so y-webrtc and simple-peer only ever see the
 * fields they read, with the types they assume (a missing `signal` makes y-webrtc throw).
 */
export const signalPayloadSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('announce'), from: peerId }),
  z.strictObject({
    type: z.literal('signal'),
    from: peerId,
    to: peerId,
    token: z.number().finite(),
    signal: simplePeerSignal,
  }),
]);

export type SignalPayload = z.infer<typeof signalPayloadSchema>;
