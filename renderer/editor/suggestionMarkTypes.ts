import { Mark } from '@tiptap/core';
import { SUGGEST_DELETE, SUGGEST_INSERT } from '../../shared/cell/suggestionMarks.ts';

/**
 * The two suggestion marks (PROTOCOL: suggestion marks). Overlapping (`excludes: ''`), so
 * y-prosemirror stores each suggestion under its own attribute key (`name--hash` of its id) and
 * concurrent suggestions never end one another's formatting; not inclusive, so typing at a
 * suggestion's edge does not extend it. No parse rules: pasted HTML can never carry one in.
 * They render as bare spans: what a reader sees (colour, strike, who) comes from the verified
 * model (suggestionHighlights), never from the mark or its attributes.
 */
const suggestionMark = (name: string, kind: 'insert' | 'delete'): Mark =>
  Mark.create({
    name,
    excludes: '',
    inclusive: false,
    addAttributes: () => ({ id: { default: '', rendered: false } }),
    parseHTML: () => [],
    renderHTML: () => ['span', { 'data-suggestion': kind }, 0],
  });

export const SuggestInsert = suggestionMark(SUGGEST_INSERT, 'insert');
export const SuggestDelete = suggestionMark(SUGGEST_DELETE, 'delete');
