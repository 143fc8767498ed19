import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { Slice } from '@tiptap/pm/model';
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { DEFAULT_SYNC_LIMITS } from '../../shared/sync/SyncLimits.ts';

/**
 * The most one local edit may insert, in bytes of the inserted content's JSON (UTF-8): an upper
 * bound of the Yjs bytes y-prosemirror writes for it (tested), kept under the update budget every
 * member enforces on receipt (SyncLimits.maxUpdateBytes), so a paste that the others would refuse
 * is never made here.
 */
export const MAX_EDITOR_INSERT_BYTES = Math.floor(DEFAULT_SYNC_LIMITS.maxUpdateBytes * 0.75);

/**
 * Positions below which slices are not measured: one position costs at most a few kB of JSON (a
 * one-letter text node under marks and a 2,048-character link), so 256 of them stay far below the
 * bound, and typing is never measured.
 */
const CHEAP = 256;

const encoder = new TextEncoder();

/** The JSON size of a slice, the measure MAX_EDITOR_INSERT_BYTES bounds. */
export const sliceBytes = (slice: Slice): number =>
  encoder.encode(JSON.stringify(slice.toJSON())).length;

/**
 * True when a local transaction inserts more than MAX_EDITOR_INSERT_BYTES. Typing never comes
 * near it (it is measured only past CHEAP positions); changes arriving from the shared doc are
 * never blocked, as in depthLimit.ts.
 */
export function refusesSize(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  const sync: unknown = tr.getMeta(ySyncPluginKey);
  if (typeof sync === 'object' && sync !== null && 'isChangeOrigin' in sync && sync.isChangeOrigin)
    return false;
  const slices = tr.steps.flatMap((s) =>
    s instanceof ReplaceStep || s instanceof ReplaceAroundStep ? [s.slice] : [],
  );
  if (slices.reduce((n, s) => n + s.size, 0) < CHEAP) return false;
  return slices.reduce((n, s) => n + sliceBytes(s), 0) > MAX_EDITOR_INSERT_BYTES;
}

/** Refuses what refusesSize flags and says so through `onRefused` (the edit does not happen). */
export function sizeLimitPlugin(onRefused: () => void = () => undefined): Plugin {
  return new Plugin({
    key: new PluginKey('sizeLimit'),
    filterTransaction: (tr: Transaction, _state: EditorState) => {
      if (!refusesSize(tr)) return true;
      onRefused();
      return false;
    },
  });
}

/** sizeLimitPlugin as an editor extension; `onRefused` tells the member. */
export const SizeLimit = Extension.create<{ onRefused: () => void }>({
  name: 'sizeLimit',
  addOptions: () => ({ onRefused: () => undefined }),
  addProseMirrorPlugins() {
    return [sizeLimitPlugin(this.options.onRefused)];
  },
});
