import { isCommentsDocId } from '../cell/commentsDocId.ts';
import { toHex } from '../crypto/bytes.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import type { RosterPort } from '../sync/RosterPort.ts';

/** What the write check needs to know of a cell's "readers comment" policy. */
export interface ReaderCommentRules {
  /** Did this identity hold the reader role at this epoch (roleAt)? */
  isReaderAt(signPkHex: string, epoch: number): boolean;
  /** May readers write comments documents at this epoch (readersMayComment)? */
  granted(epoch: number): boolean;
  /** Called when a grant appears, so readers' entries refused before are reconsidered. */
  onGrant(listener: () => void): () => void;
}

/**
 * The write check per document kind. The roster answers for every document alike (`inner`: a
 * reader writes nothing); this lets a reader's signed update through for a comments document
 * (isCommentsDocId) and only there, only at an epoch the cell granted, and only as an update: a
 * reader's snapshot, rollover or update of any other document (a draft body, the task board, the
 * cell index, an image) is refused as before, whatever the policy. Every path an entry takes asks
 * this one check (live and stored wire entries, snapshots' authors, entries carried into a new
 * generation), so every peer judges a reader's comment alike. An entry refused for want of a
 * grant is kept and reconsidered when one arrives (onChange), like one refused for membership.
 */
export function readerComments(inner: RosterPort, rules: ReaderCommentRules): RosterPort {
  const port: RosterPort = {
    writeCheck(author, epoch, kind, docId) {
      const check = inner.writeCheck(author, epoch, kind, docId);
      if (check !== 'not_writer' || kind !== ENVELOPE_KIND.update || !isCommentsDocId(docId))
        return check;
      return rules.isReaderAt(toHex(author), epoch) && rules.granted(epoch) ? 'ok' : 'not_writer';
    },
    // Let in by the grant alone: her update may touch only her own structs and root (issue 17).
    ownContentOnly(author, epoch, kind, docId) {
      if (inner.ownContentOnly?.(author, epoch, kind, docId)) return true;
      return (
        inner.writeCheck(author, epoch, kind, docId) === 'not_writer' &&
        port.writeCheck(author, epoch, kind, docId) === 'ok'
      );
    },
    knows: (author) => inner.knows(author),
    onChange(listener) {
      const offRoster = inner.onChange(listener);
      const offGrant = rules.onGrant(listener);
      return () => {
        offRoster();
        offGrant();
      };
    },
  };
  // The roster's optional methods, called on it (RosterLog's are class methods), where it has them.
  if (inner.offerOp) port.offerOp = (op, sender) => inner.offerOp!(op, sender);
  if (inner.isCoordinator) port.isCoordinator = (author) => inner.isCoordinator!(author);
  if (inner.carries) port.carries = (opId) => inner.carries!(opId);
  return port;
}
