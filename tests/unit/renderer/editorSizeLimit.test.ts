import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { Slice, type Node as PmNode, type Schema } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorExtensions } from '../../../renderer/editor/editorExtensions.ts';
import {
  MAX_EDITOR_INSERT_BYTES,
  refusesSize,
  sizeLimitPlugin,
  sliceBytes,
} from '../../../renderer/editor/sizeLimit.ts';
import { DEFAULT_SYNC_LIMITS } from '../../../shared/sync/SyncLimits.ts';
import { prng } from '../../support/prng.ts';

/** The draft editor's own schema, without a DOM. */
const schema: Schema = getSchema(editorExtensions({ fragment: new Y.Doc().getXmlFragment('b') }));

const WORDS = ['свобода', 'library', '„Бібліотека“', 'a', 'квартира', 'x'.repeat(40), '🙂'];

/** `n` paragraphs of seeded words, some bold, italic or linked. */
function article(n: number, rand: () => number): PmNode {
  const paragraphs: PmNode[] = [];
  for (let i = 0; i < n; i++) {
    const parts: PmNode[] = [];
    const words = 1 + Math.floor(rand() * 12);
    for (let w = 0; w < words; w++) {
      const text = `${WORDS[Math.floor(rand() * WORDS.length)] ?? 'w'} `;
      const r = rand();
      const marks =
        r < 0.2
          ? [schema.marks['bold']!.create()]
          : r < 0.3
            ? [
                schema.marks['link']!.create({
                  href: `https://example.org/${'p'.repeat(rand() * 300)}`,
                }),
              ]
            : [];
      parts.push(schema.text(text, marks));
    }
    paragraphs.push(schema.node('paragraph', null, parts));
  }
  return schema.node('doc', null, paragraphs);
}

/** The Yjs bytes y-prosemirror writes for `doc` into an empty draft. */
function yjsBytes(doc: PmNode): number {
  const ydoc = new Y.Doc();
  let bytes = 0;
  ydoc.on('update', (u: Uint8Array) => (bytes += u.length));
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment('body'));
  return bytes;
}

const empty = (): EditorState =>
  EditorState.create({
    schema,
    doc: schema.node('doc', null, [schema.node('paragraph')]),
    plugins: [sizeLimitPlugin()],
  });

describe('the editor refuses a paste the others would refuse (issue 14 item 6)', () => {
  it('its measure never undercounts what Yjs writes (20 seeded articles)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const doc = article(50 + seed * 40, prng(seed));
      const measured = sliceBytes(new Slice(doc.content, 0, 0));
      expect(yjsBytes(doc), `seed ${seed}`).toBeLessThanOrEqual(measured);
    }
    expect(MAX_EDITOR_INSERT_BYTES).toBeLessThan(DEFAULT_SYNC_LIMITS.maxUpdateBytes);
  });

  it('refuses a paste over the bound and allows one under it and all typing', () => {
    const state = empty();
    const big = article(9000, prng(7));
    expect(sliceBytes(new Slice(big.content, 0, 0))).toBeGreaterThan(MAX_EDITOR_INSERT_BYTES);
    const paste = state.tr.replaceWith(0, state.doc.content.size, big.content);
    expect(refusesSize(paste)).toBe(true);
    expect(state.apply(paste).doc.eq(state.doc)).toBe(true);
    let told = 0;
    const telling = EditorState.create({
      schema,
      doc: state.doc,
      plugins: [sizeLimitPlugin(() => told++)],
    });
    expect(
      telling
        .apply(telling.tr.replaceWith(0, telling.doc.content.size, big.content))
        .doc.eq(telling.doc),
    ).toBe(true);
    expect(told).toBe(1);
    const small = article(300, prng(8));
    expect(refusesSize(state.tr.replaceWith(0, state.doc.content.size, small.content))).toBe(false);
    expect(refusesSize(state.tr.insertText('a', 1))).toBe(false);
  });
});
