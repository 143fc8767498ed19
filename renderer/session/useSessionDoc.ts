import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { toHex } from '../../shared/crypto/bytes.ts';
import type { CellSession } from './CellSession.ts';
import { docRevisions } from './docRevisions.ts';

/**
 * A content document of the session, taken again whenever the session replaces it (a forked
 * document rebuilt on its canonical version), and how often that happened: a view keys its editor
 * on it, so the editor rebinds, and subscribes to the doc returned, so observers move with it.
 * Typing into the old doc until then still reaches the new one (CellSync forwards it).
 */
export function useSessionDoc(session: CellSession, docId: Uint8Array): [Y.Doc, number] {
  const revisions = docRevisions(session);
  const hex = toHex(docId);
  const subscribe = useCallback((l: () => void) => revisions.subscribe(l), [revisions]);
  const revision = useSyncExternalStore(
    subscribe,
    useCallback(() => revisions.of(hex), [revisions, hex]),
  );
  const doc = useMemo(() => {
    void revision; // the replaced doc: session.doc answers with the new one
    return session.doc(docId);
  }, [session, docId, revision]);
  return [doc, revision];
}
