import * as Y from 'yjs';
import type { TransportSecrets } from '../../shared/crypto/deriveEpochSecrets.ts';
import { BEACON_GENERATION } from '../../shared/sync/WireScope.ts';
import type { Room } from '../../shared/transport/Transport.ts';

/** One transport root the relay follows: an epoch of the cell, as far as the relay can tell. */
export interface RelayLine {
  /** The epoch's beacon room name: unique per (root, epoch), never shown to anyone else. */
  readonly id: string;
  readonly epoch: number;
  readonly secrets: TransportSecrets;
  readonly origin: 'welcome' | 'notice';
  readonly addedAt: number;
  /** The newest generation that has had entries (where members write now). */
  current: number;
  /** generation -> when an entry was last stored in it. */
  readonly active: Map<number, number>;
}

/**
 * One wire doc the relay holds for a line and generation: the same `Y.Map<envId, bytes>` members
 * sync, and the entries it keeps (stored, re-inserted if someone deletes them). It never opens one.
 */
export class RelayScope {
  readonly doc = new Y.Doc({ gc: true });
  readonly map: Y.Map<unknown> = this.doc.getMap('envelopes');
  readonly kept = new Map<string, Uint8Array>();
  keptBytes = 0;
  room: Room | undefined;
  closed = false;

  constructor(
    readonly line: RelayLine,
    readonly generation: number,
  ) {}

  get key(): string {
    return `${this.line.id}/${this.generation}`;
  }

  get isBeacon(): boolean {
    return this.generation === BEACON_GENERATION;
  }

  keep(key: string, bytes: Uint8Array): void {
    if (this.kept.has(key)) return;
    this.kept.set(key, bytes);
    this.keptBytes += bytes.length;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.room?.close();
    this.doc.destroy();
  }
}
