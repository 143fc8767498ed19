import { z } from 'zod';
import { err, ok, type Result } from '../../shared/util/result.ts';

/** y-webrtc's signaling protocol (bin/server.js): the only messages the server acts on. */
export type SignalMessage =
  | { readonly type: 'subscribe'; readonly topics: readonly string[] }
  | { readonly type: 'unsubscribe'; readonly topics: readonly string[] }
  /** `fields` is the whole message as sent; it is relayed as is (no subscriber count added). */
  | { readonly type: 'publish'; readonly topic: string; readonly fields: Record<string, unknown> }
  | { readonly type: 'ping' };

export type SignalDropReason = 'oversize' | 'malformed' | 'invalid';

export interface SignalDecodeLimits {
  readonly maxMessageBytes: number;
  readonly maxTopicLength: number;
  readonly maxTopicsPerConnection: number;
}

export type SignalDecoder = (raw: Uint8Array) => Result<SignalMessage, SignalDropReason>;

/**
 * Builds the validator for one server's limits. Order matters: size before UTF-8 decoding,
 * decoding before JSON.parse, schema before anything is acted on.
 */
export const signalDecoder = (limits: SignalDecodeLimits): SignalDecoder => {
  const topic = z.string().min(1).max(limits.maxTopicLength);
  const topics = z.array(topic).max(limits.maxTopicsPerConnection);
  const schema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('subscribe'), topics }),
    z.object({ type: z.literal('unsubscribe'), topics }),
    z.looseObject({ type: z.literal('publish'), topic }),
    z.object({ type: z.literal('ping') }),
  ]);
  const utf8 = new TextDecoder('utf-8', { fatal: true });

  return (raw) => {
    if (raw.byteLength > limits.maxMessageBytes) return err('oversize');
    let parsed: unknown;
    try {
      parsed = JSON.parse(utf8.decode(raw));
    } catch {
      return err('malformed');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return err('malformed');
    }
    const checked = schema.safeParse(parsed);
    if (!checked.success) return err('invalid');
    const msg = checked.data;
    switch (msg.type) {
      case 'publish':
        // Relay the sender's own object (not zod's copy) so unknown fields pass unchanged.
        return ok({ type: 'publish', topic: msg.topic, fields: parsed as Record<string, unknown> });
      case 'ping':
        return ok({ type: 'ping' });
      default:
        return ok({ type: msg.type, topics: msg.topics });
    }
  };
};
