import type { SealedStore } from '../vault/SealedStore.ts';
import { decodeSeenState, encodeSeenState, type SeenState } from './SeenState.ts';

/** What the app needs of the stored "last seen" states (a port: the vault, or memory in tests). */
export interface SeenStates {
  load(draftId: string): Promise<SeenState | undefined>;
  save(draftId: string, state: SeenState): Promise<void>;
}

/**
 * One member's "last seen" state per draft, on this device only: sealed with the vault data key
 * like every other row (SealedStore), in the table and under the `${cell}/` prefix the sync
 * engine's own local rows use, so it is indistinguishable from them on disk and removing the
 * cell from the device (removeCellRows) removes it too. It never enters the cell.
 */
export class SeenStore implements SeenStates {
  constructor(
    private readonly sealed: SealedStore,
    private readonly cellHex: string,
  ) {}

  private key(draftId: string): string {
    return `${this.cellHex}/seen/${draftId}`;
  }

  async load(draftId: string): Promise<SeenState | undefined> {
    const bytes = await this.sealed.get('envelopes', this.key(draftId));
    return bytes ? decodeSeenState(bytes) : undefined;
  }

  save(draftId: string, state: SeenState): Promise<void> {
    return this.sealed.put('envelopes', this.key(draftId), encodeSeenState(state));
  }
}
