import { bytesEqual, toHex } from '../../shared/crypto/bytes.ts';
import { deriveRoomName, deriveTransportSecrets } from '../../shared/crypto/deriveEpochSecrets.ts';
import { BEACON_GENERATION } from '../../shared/sync/WireScope.ts';
import type { RelayLine } from './RelayScope.ts';
import type { StoredLine } from './RelayStore.ts';

/** Generations remembered per line in the state row (newest first; older ones have drained). */
const MAX_ACTIVE_KEPT = 64;

/** The transport roots a relay follows for one cell, one line per (epoch, root). */
export class RelayLines {
  private readonly lines = new Map<string, RelayLine>();

  constructor(private readonly cellId: Uint8Array) {}

  add(
    epoch: number,
    root: Uint8Array,
    origin: RelayLine['origin'],
    addedAt: number,
    current = 0,
    active: Iterable<readonly [number, number]> = [],
  ): RelayLine {
    const line: RelayLine = {
      id: deriveRoomName(root, this.cellId, epoch, BEACON_GENERATION),
      epoch,
      secrets: deriveTransportSecrets(root, this.cellId, epoch),
      origin,
      addedAt,
      current,
      active: new Map(active),
    };
    this.lines.set(line.id, line);
    return line;
  }

  get(id: string): RelayLine | undefined {
    return this.lines.get(id);
  }

  delete(line: RelayLine): void {
    this.lines.delete(line.id);
  }

  values(): RelayLine[] {
    return Array.from(this.lines.values());
  }

  get size(): number {
    return this.lines.size;
  }

  hasRoot(root: Uint8Array): boolean {
    for (const l of this.lines.values()) if (bytesEqual(l.secrets.transportRoot, root)) return true;
    return false;
  }

  /** Superseded once a newer epoch has had entries: members have moved there. */
  superseded(line: RelayLine): boolean {
    for (const l of this.lines.values()) if (l.epoch > line.epoch && l.active.size > 0) return true;
    return false;
  }

  /** The line members write in now (highest epoch not superseded). */
  newest(): RelayLine | undefined {
    return this.values()
      .filter((l) => !this.superseded(l))
      .reduce<RelayLine | undefined>((a, b) => (a && a.epoch >= b.epoch ? a : b), undefined);
  }

  /** When anything last happened on the line (its creation at the earliest). */
  lastActivity(line: RelayLine): number {
    return Math.max(line.addedAt, ...line.active.values());
  }

  toStored(): StoredLine[] {
    return this.values().map((l) => ({
      epoch: l.epoch,
      root: toHex(l.secrets.transportRoot),
      origin: l.origin,
      addedAt: l.addedAt,
      current: l.current,
      active: Array.from(l.active)
        .sort(([a], [b]) => b - a)
        .slice(0, MAX_ACTIVE_KEPT),
    }));
  }
}
