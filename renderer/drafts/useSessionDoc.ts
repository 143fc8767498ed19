import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { toHex } from '../../shared/crypto/bytes.ts';
import type { CellSession } from '../session/CellSession.ts';

/**
 * A content document of the session, taken again whenever the session replaces it (a forked
 * document rebuilt on its canonical version), and how often that happened since mount: a view
 * keys its editor on it, so the editor rebinds. Typing into the old doc until then still reaches
 * the new one (CellSync forwards it).
 */
export function useSessionDoc(session: CellSession, docId: Uint8Array): [Y.Doc, number] {
  const [state, setState] = useState(() => ({ doc: session.doc(docId), revision: 0 }));
  const hex = toHex(docId);
  useEffect(() => {
    // A new session or document: bind to its current doc.
    setState((s) => {
      const doc = session.doc(docId);
      return doc === s.doc ? s : { doc, revision: s.revision + 1 };
    });
    return session.onDocReplaced?.((replaced) => {
      if (replaced === hex)
        setState((s) => ({ doc: session.doc(docId), revision: s.revision + 1 }));
    });
  }, [session, hex, docId]);
  return [state.doc, state.revision];
}
