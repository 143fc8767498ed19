import { readFile, stat } from 'node:fs/promises';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { countWords } from '../../../shared/cell/countWords.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { findDraftByTitle } from '../../../shared/cell/findDraftByTitle.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import type { OwnOverBudget } from '../../../shared/sync/DocReplica.ts';
import { ownEditOverBudget } from '../../../shared/sync/ownEditOverBudget.ts';
import type { SyncLimits } from '../../../shared/sync/SyncLimits.ts';
import { updateDraftEntry } from '../../../shared/cell/updateDraftEntry.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { requireWriter, withCell } from '../withCell.ts';

/** Far beyond a newsletter; keeps one edit well under the envelope cap. */
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

const mib = (bytes: number): string => `${Math.floor(bytes / (1024 * 1024))} MiB`;

/** Every member refuses such an edit (PROTOCOL §7.3), so it is not made. */
const overBudget = (over: OwnOverBudget, limits: SyncLimits): string =>
  over === 'update'
    ? `the text is too large for one edit: other members accept at most ${mib(limits.maxUpdateBytes)} at once`
    : `the draft would grow past the ${mib(limits.maxDocBytes)} other members accept for one draft`;

async function readText(
  flags: FlagValues<'draft write'>,
  ctx: CommandContext,
): Promise<string | CommandResult> {
  let bytes: Uint8Array | undefined;
  if (flags.file !== undefined) {
    const size = await stat(flags.file).then(
      (s) => (s.isFile() ? s.size : -1),
      () => -1,
    );
    if (size < 0) return failure('failed', `cannot read ${flags.file}`);
    if (size > MAX_DRAFT_BYTES) return failure('failed', 'the text is larger than 2 MiB');
    bytes = new Uint8Array(await readFile(flags.file));
  } else {
    bytes = await ctx.io.readStdin(MAX_DRAFT_BYTES);
    if (bytes === undefined) return failure('failed', 'the text is larger than 2 MiB');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure('failed', 'the text is not valid UTF-8');
  }
}

/**
 * `quire draft write`: the draft titled T gets the text (one paragraph per line), created if no
 * draft has that title; prints its id. Local only: the next `serve` or `sync` publishes it.
 */
export async function draftWriteCommand(
  flags: FlagValues<'draft write'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  const text = await readText(flags, ctx);
  if (typeof text !== 'string') return text;
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const denied = requireWriter(cell);
      if (denied) return Promise.resolve(denied);
      const me = toHex(cell.me.signPk);
      const index = cell.sync.doc(CELL_INDEX_DOC_ID);
      const found = findDraftByTitle(
        index,
        flags.title,
        cell.sync.clientAuthors(CELL_INDEX_DOC_ID),
      );
      if (!found.ok && found.error === 'ambiguous')
        return Promise.resolve(failure('failed', 'several drafts have this title'));
      let id: string;
      if (found.ok) id = found.value.id;
      else {
        const created = createDraft(index, flags.title, me);
        if (!created.ok)
          return Promise.resolve(failure('usage', `invalid --title (${created.error})`));
        id = created.value;
      }
      const docId = draftDocId(id);
      if (!docId)
        return Promise.resolve(failure('failed', 'the cell index holds an invalid draft id'));
      const draft = cell.sync.doc(docId);
      const write = (doc: typeof draft) => replaceDraftText(doc, text);
      const over = ownEditOverBudget(draft, write, cell.sync.limits);
      if (over) return Promise.resolve(failure('failed', overBudget(over, cell.sync.limits)));
      write(draft);
      updateDraftEntry(index, id, { edit: { by: me, at: Date.now(), words: countWords(text) } });
      ctx.io.out(id);
      return Promise.resolve(done());
    }),
  );
}
