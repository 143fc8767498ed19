/** Every bound the rendezvous server enforces. All sizes in bytes, all times in milliseconds. */
export interface SignalLimits {
  /** Larger messages are never parsed: ws refuses them (maxPayload) and the handler checks again. */
  readonly maxMessageBytes: number;
  /** Distinct topics one connection may hold at once (and per subscribe message). */
  readonly maxTopicsPerConnection: number;
  /** Open connections; further upgrade requests get HTTP 503. */
  readonly maxConnections: number;
  /** Longest accepted topic string (our room names are 64 hex characters). */
  readonly maxTopicLength: number;
  /** A connection that has not answered the previous ping by the next tick is terminated. */
  readonly heartbeatMs: number;
  /** Token bucket per connection: sustained messages per second. */
  readonly ratePerSecond: number;
  /** Token bucket per connection: burst size. */
  readonly rateBurst: number;
  /** Dropped messages (any reason) within abuseWindowMs that close the connection. */
  readonly abuseDropLimit: number;
  readonly abuseWindowMs: number;
  /** A receiver whose send buffer is above this gets no more relayed messages until it drains. */
  readonly maxBufferedBytes: number;
}

export const defaultSignalLimits: SignalLimits = {
  maxMessageBytes: 256 * 1024,
  maxTopicsPerConnection: 64,
  maxConnections: 1024,
  maxTopicLength: 128,
  heartbeatMs: 30_000,
  ratePerSecond: 100,
  rateBurst: 400,
  abuseDropLimit: 1000,
  abuseWindowMs: 10_000,
  maxBufferedBytes: 4 * 1024 * 1024,
};

/** Fills in defaults; a non-positive or non-finite override is ignored rather than trusted. */
export const resolveSignalLimits = (overrides: Partial<SignalLimits> = {}): SignalLimits => {
  const out: Record<string, number> = { ...defaultSignalLimits };
  for (const [key, value] of Object.entries(overrides)) {
    if (
      key in defaultSignalLimits &&
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value > 0
    ) {
      out[key] = value;
    }
  }
  return out as unknown as SignalLimits;
};
