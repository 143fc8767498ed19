import { resolveChunkLimits, type ChunkLimits } from './ChunkLimits.ts';
import { createChunkStats, type ChunkStats } from './ChunkStats.ts';
import { forwardToTarget, type BoundMethods } from './forwardToTarget.ts';
import type { SendBacklog } from './SendBacklog.ts';
import { wrapDataChannel } from './wrapDataChannel.ts';
import type { ChannelListener, RtcPeerConnectionClass } from './WrtcLike.ts';

export interface ChunkingOptions {
  readonly limits?: Partial<ChunkLimits>;
  /** Counters to add to (shared across connections); a fresh set when omitted. */
  readonly stats?: ChunkStats;
  /** Where each channel reports the bytes it still holds to send (shared across connections). */
  readonly backlog?: SendBacklog;
}

type ChannelEvent = { readonly channel?: unknown };

function wrapConnection(
  pc: object,
  limits: ChunkLimits,
  stats: ChunkStats,
  backlog: SendBacklog | undefined,
): object {
  const cache: BoundMethods = new Map();
  // One wrapper per real channel, so a channel has one identity however it is reached.
  const channels = new WeakMap<object, object>();
  const wrapChannel = (channel: unknown): unknown => {
    if (typeof channel !== 'object' || channel === null) return channel;
    let wrapped = channels.get(channel);
    if (wrapped === undefined) {
      wrapped = wrapDataChannel(channel, limits, stats, backlog);
      channels.set(channel, wrapped);
    }
    return wrapped;
  };
  let proxy: object = pc;
  const wrapEvent = (event: unknown): object => ({
    type: 'datachannel',
    channel: wrapChannel((event as ChannelEvent | null)?.channel),
    target: proxy,
    currentTarget: proxy,
  });
  let onDataChannel: ChannelListener | null = null;
  // addEventListener('datachannel', f) installs a mapped listener; remove must find it again.
  const mapped = new Map<unknown, ChannelListener>();
  const forward = (name: string, args: unknown[]): unknown =>
    Reflect.apply(
      forwardToTarget(pc, name, cache) as (...a: unknown[]) => unknown,
      undefined,
      args,
    );

  const createDataChannel = (...args: unknown[]): unknown =>
    wrapChannel(forward('createDataChannel', args));
  const addEventListener = (type: unknown, listener: unknown, ...rest: unknown[]): unknown => {
    if (type !== 'datachannel' || typeof listener !== 'function')
      return forward('addEventListener', [type, listener, ...rest]);
    let inner = mapped.get(listener);
    if (inner === undefined) {
      const user = listener as ChannelListener;
      inner = (event) => user.call(proxy, wrapEvent(event));
      mapped.set(listener, inner);
    }
    return forward('addEventListener', [type, inner, ...rest]);
  };
  const removeEventListener = (type: unknown, listener: unknown, ...rest: unknown[]): unknown => {
    const inner = type === 'datachannel' ? mapped.get(listener) : undefined;
    if (inner !== undefined) mapped.delete(listener);
    return forward('removeEventListener', [type, inner ?? listener, ...rest]);
  };

  proxy = new Proxy(pc, {
    get(target, prop) {
      switch (prop) {
        case 'createDataChannel':
          return createDataChannel;
        case 'addEventListener':
          return addEventListener;
        case 'removeEventListener':
          return removeEventListener;
        case 'ondatachannel':
          return onDataChannel;
        default:
          return forwardToTarget(target, prop, cache);
      }
    },
    set(target, prop, value: unknown) {
      if (prop !== 'ondatachannel') return Reflect.set(target, prop, value, target);
      // @roamhq/wrtc defines ondatachannel as a writable but non-configurable own property,
      // so it can be assigned (never redefined): the real handler wraps the event's channel.
      onDataChannel = typeof value === 'function' ? (value as ChannelListener) : null;
      const user = onDataChannel;
      const inner =
        user === null ? null : (event: unknown): void => user.call(proxy, wrapEvent(event));
      return Reflect.set(target, prop, inner, target);
    },
  });
  return proxy;
}

/**
 * Returns a stand-in for an RTCPeerConnection class whose data channels split messages into
 * <= 64 KiB frames and reassemble them (frameFormat.ts), for y-webrtc's
 * `peerOpts.wrtc.RTCPeerConnection`. By composition, never by subclassing: a subclass of
 * @roamhq/wrtc's class throws in its constructor (non-configurable `ondatachannel`), after which
 * y-webrtc retries forever and leaks sockets. `new` on the result constructs the real connection
 * and returns a Proxy over it that intercepts createDataChannel, ondatachannel and
 * addEventListener/removeEventListener('datachannel'); statics and everything else pass through.
 * Both ends of a connection must be wrapped.
 */
export function wrapRtcForChunking<C extends RtcPeerConnectionClass>(
  RTCPeerConnectionClass: C,
  options: ChunkingOptions = {},
): C {
  const limits = resolveChunkLimits(options.limits);
  const stats = options.stats ?? createChunkStats();
  return new Proxy(RTCPeerConnectionClass, {
    construct(target, args) {
      const pc = Reflect.construct(target, args) as object;
      return wrapConnection(pc, limits, stats, options.backlog);
    },
  });
}
