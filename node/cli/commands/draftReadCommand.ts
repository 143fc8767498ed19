import { draftPlainText } from '../../../shared/cell/draftPlainText.ts';
import { originalText } from '../../../shared/cell/originalText.ts';
import { suggestionNotation } from '../../../shared/cell/suggestionNotation.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { findDraftDoc } from '../findDraftDoc.ts';
import { withHome } from '../Home.ts';
import { warnEquivocators } from '../warnEquivocators.ts';
import { withCell } from '../withCell.ts';
import { pseudonymOf } from '../outputFields.ts';

/**
 * `quire draft read`: the text of the draft titled T, as this home last synced it, as an export
 * would print it (open suggestions undecided: suggested insertions left out, suggested deletions
 * kept). `--with-suggestions` shows them in CriticMarkup with their verified suggester:
 * `{++added++}{>>Ana<<}`, `{--deleted--}{>>Ana<<}` (`?` for a writer the engine does not know).
 */
export function draftReadCommand(
  flags: FlagValues<'draft read'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const draft = findDraftDoc(cell, flags.title);
      if (!draft.ok) return Promise.resolve(draft.result);
      const who = pseudonymOf(cell);
      const read = flags['with-suggestions']
        ? suggestionNotation(cell.sync.clientAuthors(draft.docId), who)
        : originalText;
      ctx.io.out(draftPlainText(draft.doc, read));
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
