import type { ChunkLimits } from './ChunkLimits.ts';
import type { ChunkStats } from './ChunkStats.ts';
import { encodeFrame } from './encodeFrame.ts';
import { forwardToTarget, type BoundMethods } from './forwardToTarget.ts';
import { FrameReassembler } from './FrameReassembler.ts';
import { FRAME_HEADER_BYTES, frameCount } from './frameFormat.ts';
import type { ChannelListener, RealDataChannel } from './WrtcLike.ts';
import type { SendBacklog } from './SendBacklog.ts';

interface Outgoing {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly text: boolean;
  readonly count: number;
  next: number;
}

const utf8 = new TextEncoder();

/** A copy of what send() was given, or undefined for types y-webrtc never sends (Blob). */
function toMessage(data: unknown): { bytes: Uint8Array; text: boolean } | undefined {
  if (typeof data === 'string') return { bytes: utf8.encode(data), text: true };
  if (data instanceof ArrayBuffer) return { bytes: new Uint8Array(data.slice(0)), text: false };
  if (ArrayBuffer.isView(data))
    return {
      bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice(),
      text: false,
    };
  return undefined;
}

function asBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

function invalidState(): Error {
  const e = new Error('data channel is not open');
  e.name = 'InvalidStateError';
  return e;
}

/**
 * The chunking side of one data channel: send() queues whole messages and hands their frames to
 * the real channel only while its buffer is below the high-water mark (a multi-MB burst would
 * overflow the SCTP buffer: @roamhq/wrtc then drops silently, Chromium throws); incoming frames
 * are reassembled and delivered as one `message` event carrying an ArrayBuffer (or a string).
 */
class ChunkedChannel {
  proxy: object = {};
  onmessage: ChannelListener | null = null;
  onbufferedamountlow: ChannelListener | null = null;
  binaryType = 'arraybuffer';
  threshold = 0;
  private readonly listeners = new Map<string, Set<ChannelListener>>();
  private readonly reassembler: FrameReassembler;
  private readonly hasLowEvent: boolean;
  private queue: Outgoing[] = [];
  private queuedBytes = 0;
  private nextId = 0;
  private lowArmed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly real: RealDataChannel,
    private readonly limits: ChunkLimits,
    private readonly stats: ChunkStats,
    private readonly backlog?: SendBacklog,
  ) {
    backlog?.add(this);
    this.reassembler = new FrameReassembler(limits, stats);
    // Frames are parsed as bytes whatever binaryType the user asks for (see get binaryType).
    real.binaryType = 'arraybuffer';
    real.onmessage = (event) => this.receive(event.data);
    this.hasLowEvent = typeof real.bufferedAmountLowThreshold === 'number';
    if (this.hasLowEvent) {
      real.bufferedAmountLowThreshold = limits.lowWaterBytes;
      real.onbufferedamountlow = () => this.pump();
    }
    real.addEventListener?.('close', () => this.abandon());
  }

  get bufferedAmount(): number {
    return this.real.bufferedAmount + this.queuedBytes;
  }

  /** For the backlog: a closed channel holds nothing that will still leave. */
  get open(): boolean {
    return this.real.readyState === 'open';
  }

  send(data: unknown): void {
    if (this.real.readyState !== 'open') throw invalidState();
    const message = toMessage(data);
    if (message === undefined || message.bytes.length > this.limits.maxMessageBytes) {
      this.stats.sendRejected += 1;
      throw message === undefined
        ? new TypeError('unsupported data type')
        : new RangeError(`message of ${message.bytes.length} bytes exceeds maxMessageBytes`);
    }
    const count = frameCount(message.bytes.length);
    this.queue.push({ id: this.nextId, ...message, count, next: 0 });
    this.nextId = (this.nextId + 1) >>> 0;
    this.queuedBytes += message.bytes.length;
    this.stats.messagesSent += 1;
    this.pump();
  }

  addEventListener(type: string, listener: unknown): void {
    if (typeof listener !== 'function') return;
    let set = this.listeners.get(type);
    if (set === undefined) this.listeners.set(type, (set = new Set()));
    set.add(listener as ChannelListener);
  }

  removeEventListener(type: string, listener: unknown): void {
    this.listeners.get(type)?.delete(listener as ChannelListener);
  }

  setThreshold(value: unknown): void {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) this.threshold = value;
    this.checkLow();
  }

  private receive(data: unknown): void {
    const bytes = asBytes(data);
    if (bytes === undefined) {
      this.stats.framesReceived += 1;
      this.stats.dropped.not_binary += 1;
      return;
    }
    const result = this.reassembler.push(bytes);
    if (result.kind !== 'message') return;
    const payload = result.data;
    // The reassembler returns a fresh, exactly sized buffer: hand it over without another copy.
    const delivered = typeof payload === 'string' ? payload : payload.buffer;
    this.dispatch('message', this.onmessage, { data: delivered });
  }

  private dispatch(type: string, handler: ChannelListener | null, init: object): void {
    const event = { type, target: this.proxy, currentTarget: this.proxy, ...init };
    const all = [...(this.listeners.get(type) ?? []), ...(handler === null ? [] : [handler])];
    for (const listener of all) {
      try {
        listener.call(this.proxy, event);
      } catch {
        // y-webrtc parses peer bytes inside this call; a throw here must not reach the
        // platform's event loop (in Node it would be an uncaught exception).
        this.stats.listenerErrors += 1;
      }
    }
  }

  private pump(): void {
    const real = this.real;
    if (real.readyState !== 'open') {
      if (real.readyState !== 'connecting') this.abandon();
      return;
    }
    // The budget is fixed per turn: @roamhq/wrtc updates bufferedAmount asynchronously, so
    // re-reading it inside the loop would let one turn overrun its 16 MiB buffer (which then
    // drops frames silently).
    let budget = this.limits.highWaterBytes - real.bufferedAmount;
    while (this.queue.length > 0 && budget > 0) {
      const head = this.queue[0]!;
      const frame = encodeFrame(head.bytes, head.id, head.next, head.text);
      try {
        real.send(frame);
      } catch {
        // A lost frame breaks the message stream: close, so simple-peer reports the peer gone
        // and y-webrtc reconnects and resyncs from state vectors.
        this.stats.sendFailures += 1;
        this.abandon();
        try {
          real.close();
        } catch {
          // already closing
        }
        return;
      }
      this.stats.framesSent += 1;
      budget -= frame.length;
      this.queuedBytes -= frame.length - FRAME_HEADER_BYTES;
      head.next += 1;
      if (head.next === head.count) this.queue.shift();
    }
    this.checkLow();
    this.schedule();
  }

  /** Emulates `bufferedamountlow` for the user's threshold over real + queued bytes. */
  private checkLow(): void {
    if (this.bufferedAmount > this.threshold) {
      this.lowArmed = true;
    } else if (this.lowArmed) {
      this.lowArmed = false;
      this.dispatch('bufferedamountlow', this.onbufferedamountlow, {});
    }
  }

  private schedule(): void {
    const waiting = this.queue.length > 0 || this.lowArmed;
    if (this.hasLowEvent) {
      // While frames wait, resume at the low-water mark; afterwards wake at the user's threshold.
      this.real.bufferedAmountLowThreshold =
        this.queue.length > 0 ? this.limits.lowWaterBytes : this.threshold;
      return;
    }
    if (waiting && this.timer === undefined)
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, this.limits.pollMs);
  }

  private abandon(): void {
    this.backlog?.delete(this);
    this.queue = [];
    this.queuedBytes = 0;
    this.lowArmed = false;
    this.reassembler.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Wraps a real RTCDataChannel by composition: a Proxy answers send, bufferedAmount, binaryType,
 * bufferedAmountLowThreshold, onmessage, onbufferedamountlow and message/bufferedamountlow
 * listeners itself and forwards everything else (label, readyState, close, onopen, ...).
 */
export function wrapDataChannel(
  realChannel: object,
  limits: ChunkLimits,
  stats: ChunkStats,
  backlog?: SendBacklog,
): object {
  const real = realChannel as RealDataChannel;
  const chunked = new ChunkedChannel(real, limits, stats, backlog);
  const cache: BoundMethods = new Map();
  const send = (data: unknown): void => chunked.send(data);
  const add = (type: string, listener: unknown, options?: unknown): void => {
    if (type === 'message' || type === 'bufferedamountlow')
      chunked.addEventListener(type, listener);
    else
      Reflect.apply(
        forwardToTarget(real, 'addEventListener', cache) as ChannelListener,
        undefined,
        [type, listener, options],
      );
  };
  const remove = (type: string, listener: unknown, options?: unknown): void => {
    if (type === 'message' || type === 'bufferedamountlow')
      chunked.removeEventListener(type, listener);
    else
      Reflect.apply(
        forwardToTarget(real, 'removeEventListener', cache) as ChannelListener,
        undefined,
        [type, listener, options],
      );
  };
  const proxy = new Proxy(realChannel, {
    get(target, prop) {
      switch (prop) {
        case 'send':
          return send;
        case 'addEventListener':
          return add;
        case 'removeEventListener':
          return remove;
        case 'bufferedAmount':
          return chunked.bufferedAmount;
        case 'bufferedAmountLowThreshold':
          return chunked.threshold;
        case 'binaryType':
          return chunked.binaryType;
        case 'onmessage':
          return chunked.onmessage;
        case 'onbufferedamountlow':
          return chunked.onbufferedamountlow;
        default:
          return forwardToTarget(target, prop, cache);
      }
    },
    set(target, prop, value: unknown) {
      const handler = typeof value === 'function' ? (value as ChannelListener) : null;
      switch (prop) {
        case 'bufferedAmountLowThreshold':
          chunked.setThreshold(value);
          return true;
        case 'binaryType':
          // Stored for reads only: messages are always delivered as ArrayBuffer (or string).
          chunked.binaryType = String(value);
          return true;
        case 'onmessage':
          chunked.onmessage = handler;
          return true;
        case 'onbufferedamountlow':
          chunked.onbufferedamountlow = handler;
          return true;
        default:
          return Reflect.set(target, prop, value, target);
      }
    },
  });
  chunked.proxy = proxy;
  return proxy;
}
