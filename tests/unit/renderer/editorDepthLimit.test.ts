import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_DOC_DEPTH } from '../../../shared/sync/checkDocDepth.ts';
import { editorExtensions } from '../../../renderer/editor/editorExtensions.ts';
import {
  depthLimitPlugin,
  editorDepth,
  MAX_EDITOR_DEPTH,
  refusesDepth,
} from '../../../renderer/editor/depthLimit.ts';

/** The draft editor's own schema, without a DOM. */
const schema: Schema = getSchema(editorExtensions({ fragment: new Y.Doc().getXmlFragment('b') }));

/** `levels` nested quotes around one paragraph of text. */
function quotes(levels: number): PmNode {
  let node = schema.node('paragraph', null, [schema.text('words')]);
  for (let i = 0; i < levels; i++) node = schema.node('blockquote', null, [node]);
  return node;
}

const stateWith = (block: PmNode): EditorState =>
  EditorState.create({
    schema,
    doc: schema.node('doc', null, [block]),
    plugins: [depthLimitPlugin()],
  });

describe('the editor refuses to create nesting peers would refuse (issue 14 item 6)', () => {
  it('counts levels as the shared doc does and stays under the receipt bound', () => {
    expect(editorDepth(stateWith(quotes(0)).doc)).toBe(2);
    expect(MAX_EDITOR_DEPTH).toBeLessThan(MAX_DOC_DEPTH);
  });

  it('refuses a local paste or wrap that nests too deep, allows ordinary structure', () => {
    const state = stateWith(quotes(2));
    const end = state.doc.content.size;
    const deep = state.tr.insert(end, quotes(3000));
    expect(refusesDepth(deep, state)).toBe(true);
    // The same through the plugin: the transaction does not apply.
    expect(state.applyTransaction(deep).state.doc.eq(state.doc)).toBe(true);
    const fine = state.tr.insert(end, quotes(10));
    expect(refusesDepth(fine, state)).toBe(false);
    expect(state.apply(fine).doc.childCount).toBe(2);
  });

  it('never blocks what arrives from the shared doc, nor edits to a doc already that deep', () => {
    const state = stateWith(quotes(2));
    const remote = state.tr
      .insert(state.doc.content.size, quotes(MAX_EDITOR_DEPTH + 5))
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(refusesDepth(remote, state)).toBe(false);
    const deepState = state.apply(remote);
    const typing = deepState.tr.insertText('x', 3);
    expect(refusesDepth(typing, deepState)).toBe(false);
  });
});
