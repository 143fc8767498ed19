import { draftPlainText } from '../../../shared/cell/draftPlainText.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { findDraftDoc } from '../findDraftDoc.ts';
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
      const draft = findDraftDoc(cell, flags.title);
      if (!draft.ok) return Promise.resolve(draft.result);
      ctx.io.out(draftPlainText(draft.doc));
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
