import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { toHex } from '../../shared/crypto/bytes.ts';
import type { LocalCellSession } from './LocalCellSession.ts';

const LINK = Symbol('local-link');

function linkAwareness(from: Awareness, to: Awareness): void {
  from.on(
    'update',
    (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === LINK) return;
      const clients = [...change.added, ...change.updated, ...change.removed];
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, clients), LINK);
    },
  );
}

/**
 * Joins two in-memory sessions as if their devices were connected: every doc either one opens
 * is opened and kept in sync on the other, and so are the docs' awareness states (cursors).
 */
export function linkLocalSessions(a: LocalCellSession, b: LocalCellSession): void {
  const linked = new Set<string>();
  const mirror =
    (from: LocalCellSession, to: LocalCellSession) => (docId: Uint8Array, doc: Y.Doc) => {
      const key = toHex(docId);
      if (linked.has(key)) return;
      linked.add(key);
      const other = to.doc(docId);
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc), LINK);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), LINK);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== LINK) Y.applyUpdate(other, update, LINK);
      });
      other.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== LINK) Y.applyUpdate(doc, update, LINK);
      });
      linkAwareness(from.awareness(docId), to.awareness(docId));
      linkAwareness(to.awareness(docId), from.awareness(docId));
    };
  a.onDoc(mirror(a, b));
  b.onDoc(mirror(b, a));
}
