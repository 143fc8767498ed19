import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { toHex } from '../../shared/crypto/bytes.ts';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import type {
  CellReaderCommentsSettings,
  CellSession,
  FormerMemberView,
  MemberView,
  SyncStatusView,
} from '../session/CellSession.ts';

/**
 * clientID -> member (signPk hex) of every local doc in this page: linked sessions live in one
 * page, so this stands in for the sync engine's clientID claims.
 */
const localWriters = new Map<number, string>();

/**
 * An in-memory CellSession over plain local Y.Docs, for the dev harness (?harness=cell) and
 * tests of the cell screens before and apart from the encrypted session layer. Nothing is stored,
 * sealed or sent anywhere; two instances can be joined with linkLocalSessions.
 */
export class LocalCellSession implements CellSession {
  readonly cellIdHex = '00'.repeat(16);
  readonly me: MemberView;
  /** "Readers comment" as a harness fixes it (no engine enforces anything here). */
  readerComments?: CellReaderCommentsSettings;
  private readonly docs = new Map<string, Y.Doc>();
  private readonly awarenesses = new Map<string, Awareness>();
  private readonly memberListeners = new Set<() => void>();
  private readonly docListeners = new Set<(docId: Uint8Array, doc: Y.Doc) => void>();
  private memberList: readonly MemberView[];
  private formerList: readonly FormerMemberView[] = [];

  constructor(
    readonly cellName: string,
    members: readonly Omit<MemberView, 'isMe'>[],
    meSignPkHex: string,
  ) {
    this.memberList = members.map((m) => ({ ...m, isMe: m.signPkHex === meSignPkHex }));
    const me = this.memberList.find((m) => m.isMe);
    if (!me) throw new Error('LocalCellSession: "me" is not among the members');
    this.me = me;
  }

  doc(docId: Uint8Array): Y.Doc {
    const key = toHex(docId);
    let doc = this.docs.get(key);
    if (!doc) {
      doc = new Y.Doc({ gc: true });
      localWriters.set(doc.clientID, this.me.signPkHex);
      this.docs.set(key, doc);
      for (const listener of this.docListeners) listener(docId, doc);
    }
    return doc;
  }

  authors(): ClientAuthors {
    return (clientId) => localWriters.get(clientId);
  }

  awareness(docId: Uint8Array): Awareness {
    const key = toHex(docId);
    let awareness = this.awarenesses.get(key);
    if (!awareness) {
      awareness = new Awareness(this.doc(docId));
      this.awarenesses.set(key, awareness);
    }
    return awareness;
  }

  members(): readonly MemberView[] {
    return this.memberList;
  }

  formerMembers(): readonly FormerMemberView[] {
    return this.formerList;
  }

  onMembersChange(listener: () => void): () => void {
    this.memberListeners.add(listener);
    return () => this.memberListeners.delete(listener);
  }

  /** Replaces the member list (a harness can simulate a removal or a new member). */
  setMembers(members: readonly MemberView[], former: readonly FormerMemberView[] = []): void {
    this.memberList = members;
    this.formerList = former;
    for (const listener of this.memberListeners) listener();
  }

  /** Runs `listener` for every doc that exists now and every doc opened later. */
  onDoc(listener: (docId: Uint8Array, doc: Y.Doc) => void): () => void {
    this.docListeners.add(listener);
    for (const [key, doc] of this.docs)
      listener(
        Uint8Array.from(key.match(/../g) ?? [], (h) => parseInt(h, 16)),
        doc,
      );
    return () => this.docListeners.delete(listener);
  }

  status(): SyncStatusView {
    return {
      rendezvousReachable: false,
      rendezvousFailed: true,
      peers: 0,
      relayReachable: undefined,
      lastSyncedAt: undefined,
      unsynced: 0,
    };
  }

  onStatusChange(): () => void {
    return () => undefined;
  }

  diagnostics(): Readonly<Record<string, number>> {
    return this.refusedImages.size > 0 ? { 'images.refused': this.refusedImages.size } : {};
  }

  private readonly refusedImages = new Set<string>();

  noteRefusedImage(imageId: string): void {
    this.refusedImages.add(imageId);
  }

  equivocators(): readonly { readonly signPkHex: string; readonly pseudonym?: string }[] {
    return [];
  }

  /** Nothing here is sent anywhere, so nothing is refused. */
  ownOverBudget(): readonly { readonly docHex: string; readonly reason: 'update' | 'document' }[] {
    return [];
  }

  dismissOwnOverBudget(): void {}
}
