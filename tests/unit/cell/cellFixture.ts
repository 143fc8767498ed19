import * as Y from 'yjs';
import type { ClientAuthors } from '../../../shared/cell/ClientAuthors.ts';

export const ALICE = 'a1'.repeat(32);
export const BOB = 'b2'.repeat(32);

/** Two-way full-state exchange, as two peers meeting would do. */
export const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

/** A doc with a fixed clientID, so conflict resolution in tests is reproducible. */
export const docWithClient = (clientID: number): Y.Doc => {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
};

/**
 * Plain docs standing for members' devices: each doc's clientID (looked up at call time) is
 * written by the member named with it, as the sync engine's clientID claims would say.
 */
export const authorsOf =
  (...devices: readonly (readonly [Y.Doc, string])[]): ClientAuthors =>
  (client) =>
    devices.find(([doc]) => doc.clientID === client)?.[1];

/** Sets a raw entry the way a malicious or buggy peer could: any shape at all. */
export function rawEntry(map: Y.Map<unknown>, key: string, fields: Record<string, unknown>): void {
  const entry = new Y.Map<unknown>();
  map.set(key, entry);
  for (const [field, value] of Object.entries(fields)) entry.set(field, value);
}

/** A Uint8Array-free deterministic generator for hostile values (seeded, small). */
export function* hostileValues(): Generator<unknown> {
  yield undefined;
  yield null;
  yield 42;
  yield -1;
  yield Number.NaN;
  yield Infinity;
  yield '';
  yield 'x'.repeat(100_001);
  yield true;
  yield [];
  yield ['a', 3];
  yield { title: 'nested' };
  yield new Uint8Array([1, 2, 3]);
}

/** The Y.XmlText of a draft's first paragraph (bodies written with replaceDraftText). */
export function firstText(draftDoc: Y.Doc): Y.XmlText {
  const paragraph = draftDoc.getXmlFragment('body').get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) throw new Error('no text in the first paragraph');
  return text;
}
