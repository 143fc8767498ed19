import type * as Y from 'yjs';
import { FollowedDoc } from './FollowedDoc.ts';
import { CELL_INDEX_DOC_ID } from '../cell/cellIndexDocId.ts';
import type { ClientAuthors } from '../cell/ClientAuthors.ts';
import { readPeople } from '../cell/readPeople.ts';
import { readRelayPolicy, type RelayPolicy } from '../cell/readRelayPolicy.ts';
import type { Roster } from '../roster/Roster.ts';

/** Why this member may connect through the relay only: she said she is inside, or the cell. */
export type RelayReason = 'inside' | 'cell';

export interface RelayRequirementHost {
  readonly sync: {
    doc(docId: Uint8Array): Y.Doc;
    clientAuthors(docId: Uint8Array): ClientAuthors;
    requireRelay(): void;
    onDocReplaced(listener: (docHex: string) => void): () => void;
  };
  readonly meHex: string;
  roster(): Roster;
  /** The device's stored relay-only setting. */
  relayOnlySaved(): boolean;
  /** Stores relay-only on for this cell on this device. */
  saveRelayOnly(): void;
}

/**
 * Follows what makes relay-only compulsory for this member (issue 16 item 2): her own "inside
 * the country" declaration (or someone else's write over it: fail closed, as the exposure warning
 * does), and the cell-wide setting as a coordinator wrote it (readRelayPolicy). Once either holds,
 * every room is joined again relay-only (CellSync.requireRelay) and relay-only is stored on for
 * the cell on this device, so the next start never makes a direct connection before the cell's
 * documents are read. It is never turned off here: only the member can, in the settings, once
 * nothing requires it.
 */
export class RelayRequirement {
  /** Followed across fork heals: a policy written after one is still seen. */
  private readonly followed: FollowedDoc;

  constructor(private readonly host: RelayRequirementHost) {
    this.followed = new FollowedDoc(host.sync, CELL_INDEX_DOC_ID);
    this.followed.subscribe(() => this.check());
  }

  private get index(): Y.Doc {
    return this.followed.doc;
  }

  policy(): RelayPolicy {
    const roster = this.host.roster();
    return readRelayPolicy(
      this.index,
      this.host.sync.clientAuthors(CELL_INDEX_DOC_ID),
      (hex) => roster.members.get(hex)?.role === 'coordinator',
    );
  }

  reason(): RelayReason | undefined {
    const { people } = readPeople(this.index, this.host.sync.clientAuthors(CELL_INDEX_DOC_ID));
    const me = people.get(this.host.meHex);
    if (me?.insideCountry === true || me?.overwritten === true) return 'inside';
    return this.policy().on ? 'cell' : undefined;
  }

  /** Applies the requirement if it holds now (on every index doc change and roster change). */
  check(): void {
    if (this.reason() === undefined) return;
    this.host.sync.requireRelay();
    if (!this.host.relayOnlySaved()) this.host.saveRelayOnly();
  }

  stop(): void {
    this.followed.stop();
  }
}
