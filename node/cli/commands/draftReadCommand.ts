import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { draftPlainText } from '../../../shared/cell/draftPlainText.ts';
import { findDraftByTitle } from '../../../shared/cell/findDraftByTitle.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { withHome } from '../Home.ts';
import { warnEquivocators } from '../warnEquivocators.ts';
import { withCell } from '../withCell.ts';

/** `quire draft read`: the text of the draft titled T, as this home last synced it. */
export function draftReadCommand(
  flags: FlagValues<'draft read'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const found = findDraftByTitle(cell.sync.doc(CELL_INDEX_DOC_ID), flags.title);
      if (!found.ok)
        return Promise.resolve(
          failure(
            'failed',
            found.error === 'ambiguous'
              ? 'several drafts have this title'
              : 'no draft has this title',
          ),
        );
      const docId = draftDocId(found.value.id);
      if (!docId)
        return Promise.resolve(failure('failed', 'the cell index holds an invalid draft id'));
      ctx.io.out(draftPlainText(cell.sync.doc(docId)));
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
