import { getSchema } from '@tiptap/core';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { prosemirrorToYXmlFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorExtensions } from '../../../renderer/editor/editorExtensions.ts';
import { suggestModePlugin, withSuggesting } from '../../../renderer/editor/suggestMode.ts';
import { findSuggestions } from '../../../shared/cell/findSuggestions.ts';
import { draftBlocks } from '../../../shared/export/draftBlocks.ts';

const schema: Schema = getSchema(editorExtensions({ fragment: new Y.Doc().getXmlFragment('b') }));
const ME = 'a1'.repeat(32);

function start(...paragraphs: string[]): EditorState {
  const state = EditorState.create({
    schema,
    doc: schema.node(
      'doc',
      null,
      paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])),
    ),
    plugins: [suggestModePlugin()],
  });
  return state.apply(withSuggesting(state.tr, true));
}

/** The text of each paragraph with suggestion marks shown: [+ins+] and [-del-]. */
function shown(doc: PmNode): string[] {
  const lines: string[] = [];
  doc.forEach((paragraph) => {
    let line = '';
    paragraph.forEach((node) => {
      const names = node.marks.map((mark) => mark.type.name);
      let text = node.text ?? '';
      if (names.includes('suggestInsert')) text = `[+${text}+]`;
      if (names.includes('suggestDelete')) text = `[-${text}-]`;
      line += text;
    });
    lines.push(line);
  });
  return lines;
}

/** What the others get: the doc through y-prosemirror into Yjs, read by the shared model. */
function throughYjs(doc: PmNode): { kinds: string[]; exported: unknown } {
  const ydoc = new Y.Doc();
  const body = ydoc.getXmlFragment('body');
  prosemirrorToYXmlFragment(doc, body);
  const found = findSuggestions(body, (client) => (client === ydoc.clientID ? ME : undefined));
  return {
    kinds: found.map((s) => `${s.kind}:${s.text}:${s.author === ME ? 'me' : '?'}`),
    exported: draftBlocks(body),
  };
}

const type = (state: EditorState, at: number, text: string): EditorState =>
  state.apply(state.tr.insertText(text, at));
const del = (state: EditorState, from: number, to: number): EditorState =>
  state.apply(state.tr.delete(from, to));

describe('suggestion mode turns edits into proposals', () => {
  it('marks typed text as a suggested insertion, one suggestion while typing on', () => {
    let state = start('Hello world');
    state = type(state, 7, 'big');
    state = type(state, 10, ' ');
    expect(shown(state.doc)).toEqual(['Hello [+big +]world']);
    const marks = new Set<unknown>();
    state.doc.descendants((node) => {
      for (const mark of node.marks) marks.add(mark.attrs['id']);
    });
    expect(marks.size).toBe(1);
    expect(throughYjs(state.doc).kinds).toEqual(['insert:big :me']);
  });

  it('keeps deleted text, marked, and leaves the caret before it (Backspace)', () => {
    let state = start('Hello world');
    state = del(state, 11, 12); // the 'd'
    state = del(state, 10, 11); // then 'l'
    expect(shown(state.doc)).toEqual(['Hello wor[-ld-]']);
    expect(state.selection.from).toBe(10);
    expect(throughYjs(state.doc).kinds).toEqual(['delete:ld:me']);
  });

  it('really removes what this member herself suggested inserting', () => {
    let state = start('Hello world');
    state = type(state, 7, 'big ');
    state = del(state, 7, 11);
    expect(shown(state.doc)).toEqual(['Hello world']);
    expect(throughYjs(state.doc).kinds).toEqual([]);
  });

  it('typing over a selection proposes both: the old text struck, the new one added', () => {
    let state = start('Meet at noon.');
    const tr = state.tr.setSelection(TextSelection.create(state.doc, 9, 13));
    state = state.apply(tr.insertText('dusk'));
    expect(shown(state.doc)).toEqual(['Meet at [-noon-][+dusk+].']);
    const yjs = throughYjs(state.doc);
    expect(yjs.kinds).toEqual(['delete:noon:me', 'insert:dusk:me']);
    // An export prints the text as it stood: no proposal, no mark, no colour.
    expect(yjs.exported).toEqual([{ type: 'paragraph', inlines: [{ text: 'Meet at noon.' }] }]);
  });

  it('a deletion across paragraphs keeps both paragraphs and marks their text', () => {
    let state = start('First line', 'Second line');
    state = del(state, 7, 19); // 'line' + break + 'Second'
    expect(shown(state.doc)).toEqual(['First [-line-]', '[-Second-] line']);
  });

  it('changes nothing while off, and never rewrites changes from the Yjs binding', () => {
    let state = start('Hello world');
    state = state.apply(withSuggesting(state.tr, false));
    state = del(state, 1, 7);
    expect(shown(state.doc)).toEqual(['world']);
    state = state.apply(withSuggesting(state.tr, true));
    // Someone else's deletion, as the binding applies it: stays a deletion.
    state = state.apply(state.tr.delete(1, 3).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(shown(state.doc)).toEqual(['rld']);
  });
});
