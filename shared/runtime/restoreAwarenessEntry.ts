import type { Awareness } from 'y-protocols/awareness';

/** The entry of one remote awareness client as it was when presence last accepted it. */
export interface AwarenessEntry {
  readonly state: Record<string, unknown>;
  readonly clock: number;
  readonly lastUpdated: number;
}

/**
 * Puts one remote client's awareness entry back to `good` (or removes it at clock 0 if there is
 * none), without emitting: y-protocols ignores any later update at a lower clock, so junk written
 * at a huge clock would otherwise keep every update from the client's real owner out. Called from
 * a 'change' handler, it runs before y-webrtc re-broadcasts the entry, which then sends the good
 * state at its old clock (ignored by peers that hold it).
 */
export function restoreAwarenessEntry(
  awareness: Awareness,
  clientId: number,
  good: AwarenessEntry | undefined,
): void {
  if (good) {
    awareness.states.set(clientId, good.state);
    awareness.meta.set(clientId, { clock: good.clock, lastUpdated: good.lastUpdated });
  } else {
    awareness.states.delete(clientId);
    // The meta stays (y-protocols reads it when encoding), at clock 0 so any update gets in.
    awareness.meta.set(clientId, { clock: 0, lastUpdated: 0 });
  }
}
