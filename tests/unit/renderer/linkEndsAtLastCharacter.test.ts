import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorExtensions } from '../../../renderer/editor/editorExtensions.ts';

/** The draft editor's own schema, without a DOM. */
const schema = getSchema(editorExtensions({ fragment: new Y.Doc().getXmlFragment('b') }));

describe('a link ends at its last character (issue 19 item 3)', () => {
  it('text typed right after a link is not part of it; text typed inside it is', () => {
    const link = schema.marks['link']?.create({ href: 'https://example.org/verdict' });
    expect(link).toBeDefined();
    if (link === undefined) return;
    const doc = schema.node('doc', null, [
      schema.node('paragraph', null, [schema.text('Read the '), schema.text('verdict', [link])]),
    ]);
    const end = doc.content.size - 1;
    const state = EditorState.create({ schema, doc, selection: TextSelection.create(doc, end) });
    // As typing does: insertText at the caret, with the marks the caret position carries.
    const typed = state.apply(state.tr.insertText(' mark-7f3a'));
    const paragraph = typed.doc.firstChild;
    const linked: string[] = [];
    paragraph?.forEach((node) => {
      if (node.marks.some((m) => m.type.name === 'link')) linked.push(node.text ?? '');
    });
    expect(linked).toEqual(['verdict']);
    expect(paragraph?.textContent).toBe('Read the verdict mark-7f3a');

    // Inside the link, the link goes on.
    const inside = EditorState.create({
      schema,
      doc,
      selection: TextSelection.create(doc, end - 3),
    });
    const within = inside.apply(inside.tr.insertText('X'));
    const linkedWithin: string[] = [];
    within.doc.firstChild?.forEach((node) => {
      if (node.marks.some((m) => m.type.name === 'link')) linkedWithin.push(node.text ?? '');
    });
    expect(linkedWithin).toEqual(['verdXict']);
  });
});
