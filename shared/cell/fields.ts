import * as Y from 'yjs';

/**
 * Typed reads of one field of a peer-written Y.Map entry. Each returns undefined when the value is
 * missing or has the wrong type or size, so a reader can drop the entry instead of trusting it.
 */
export const fields = {
  string(map: Y.Map<unknown>, key: string, maxChars: number): string | undefined {
    const value = map.get(key);
    return typeof value === 'string' && value.length <= maxChars ? value : undefined;
  },
  /** A finite, non-negative number (timestamps, counts). */
  count(map: Y.Map<unknown>, key: string): number | undefined {
    const value = map.get(key);
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
  },
  boolean(map: Y.Map<unknown>, key: string): boolean | undefined {
    const value = map.get(key);
    return typeof value === 'boolean' ? value : undefined;
  },
  bytes(map: Y.Map<unknown>, key: string, maxBytes: number): Uint8Array | undefined {
    const value = map.get(key);
    return value instanceof Uint8Array && value.length <= maxBytes ? value : undefined;
  },
  /** An optional field: `fallback` when absent, undefined (malformed) when present but wrong. */
  optional<T>(
    map: Y.Map<unknown>,
    key: string,
    fallback: T,
    read: () => T | undefined,
  ): T | undefined {
    return map.has(key) ? read() : fallback;
  },
};

/** The nested Y.Map of an entry, or undefined when a peer put something else there. */
export const entryMap = (value: unknown): Y.Map<unknown> | undefined =>
  value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
