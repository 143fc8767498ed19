import type {
  SignalingSocket,
  SignalingSocketHandlers,
  SignalingSockets,
} from '../../shared/transport/SignalingSocket.ts';
import type { VirtualScheduler } from './VirtualScheduler.ts';

export interface PubSubFaults {
  /** Probability that one relayed message is lost on its way to one subscriber. */
  readonly drop: number;
  /** Probability that a relayed message reaches a subscriber twice. */
  readonly duplicate: number;
  /** Latency range in ms per delivery; random latencies reorder messages. */
  readonly minLatency: number;
  readonly maxLatency: number;
}

export const NO_FAULTS: PubSubFaults = { drop: 0, duplicate: 0, minLatency: 5, maxLatency: 5 };

interface Client {
  readonly url: string;
  readonly handlers: SignalingSocketHandlers;
  readonly topics: Set<string>;
  open: boolean;
  closed: boolean;
}

/**
 * An in-memory rendezvous server for the signaling-socket port, speaking the protocol of
 * node/signal (subscribe, unsubscribe, publish relayed to every subscriber as sent with no
 * subscriber count, ping and pong), in virtual time with seeded loss, duplication and reordering. It records every
 * message it relays (what its operator sees), can relay raw junk, and can drop every connection
 * to a URL (a restart) or refuse new ones.
 */
export class MemoryPubSub {
  private readonly clients = new Set<Client>();
  /** Every message relayed to a subscriber, as sent. */
  readonly relayed: string[] = [];
  /** Every message a client sent, as received. */
  readonly received: string[] = [];
  /** URLs whose connections fail to open. */
  readonly refusing = new Set<string>();

  constructor(
    private readonly scheduler: VirtualScheduler,
    private readonly rand: () => number,
    public faults: PubSubFaults = NO_FAULTS,
  ) {}

  /** The port for one device; every socket it opens is tracked here. */
  sockets(): SignalingSockets {
    return { open: (url, handlers) => this.connect(url, handlers) };
  }

  /** Sockets opened and not yet closed (by either end). */
  openSockets(): number {
    let n = 0;
    for (const c of this.clients) if (!c.closed) n++;
    return n;
  }

  subscribers(topic: string): number {
    let n = 0;
    for (const c of this.clients) if (c.open && c.topics.has(topic)) n++;
    return n;
  }

  /** A raw message (anything at all) delivered to every subscriber of `topic`, faults applied. */
  inject(topic: string, raw: unknown): void {
    for (const c of this.clients) if (c.open && c.topics.has(topic)) this.deliver(c, raw);
  }

  /** What a client publishing `data` on `topic` makes the server relay. */
  publish(topic: string, data: unknown): void {
    this.relay({ type: 'publish', topic, data });
  }

  /** The server restarts: every connection to `url` closes. */
  disconnect(url: string): void {
    for (const c of [...this.clients]) if (c.url === url && !c.closed) this.hangUp(c);
  }

  private latency(): number {
    const { minLatency, maxLatency } = this.faults;
    return minLatency + Math.floor(this.rand() * (maxLatency - minLatency + 1));
  }

  private deliver(c: Client, raw: unknown): void {
    if (this.rand() < this.faults.drop) return;
    const copies = this.rand() < this.faults.duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++)
      this.scheduler.setTimeout(() => {
        if (c.open) c.handlers.onMessage(raw);
      }, this.latency());
  }

  private relay(fields: Record<string, unknown>): void {
    const topic = fields.topic;
    if (typeof topic !== 'string') return;
    const receivers = [...this.clients].filter((c) => c.open && c.topics.has(topic));
    const text = JSON.stringify(fields);
    for (const c of receivers) {
      this.relayed.push(text);
      this.deliver(c, text);
    }
  }

  private hangUp(c: Client): void {
    c.open = false;
    c.closed = true;
    this.clients.delete(c);
    this.scheduler.setTimeout(() => c.handlers.onClose(), 0);
  }

  private onText(c: Client, text: string): void {
    this.received.push(text);
    let m: unknown;
    try {
      m = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof m !== 'object' || m === null) return;
    const msg = m as Record<string, unknown>;
    const topics = Array.isArray(msg.topics)
      ? msg.topics.filter((t): t is string => typeof t === 'string')
      : [];
    if (msg.type === 'subscribe') for (const t of topics) c.topics.add(t);
    else if (msg.type === 'unsubscribe') for (const t of topics) c.topics.delete(t);
    else if (msg.type === 'publish') this.relay(msg);
    else if (msg.type === 'ping') this.deliver(c, '{"type":"pong"}');
  }

  private connect(url: string, handlers: SignalingSocketHandlers): SignalingSocket {
    const c: Client = { url, handlers, topics: new Set(), open: false, closed: false };
    this.clients.add(c);
    this.scheduler.setTimeout(() => {
      if (c.closed) return;
      if (this.refusing.has(url)) return this.hangUp(c);
      c.open = true;
      handlers.onOpen();
    }, this.latency());
    return {
      send: (text) => {
        if (!c.open) return false;
        // Client to server is reliable (TCP); relays are where messages get lost.
        this.scheduler.setTimeout(() => {
          if (c.open) this.onText(c, text);
        }, this.latency());
        return true;
      },
      close: () => {
        c.open = false;
        c.closed = true;
        this.clients.delete(c);
      },
    };
  }
}
