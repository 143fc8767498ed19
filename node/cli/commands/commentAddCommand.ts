import { addComment } from '../../../shared/cell/addComment.ts';
import { findQuote } from '../../../shared/cell/findQuote.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { findDraftDoc } from '../findDraftDoc.ts';
import { withHome } from '../Home.ts';
import { myRole, requireWriter, withCell } from '../withCell.ts';

/**
 * `quire comment add`: a comment thread on the first place the draft titled T says `--on`,
 * as the app's Comments panel makes one (in the draft's comments document); prints the thread's
 * id. Sync to send it. A reader may too, where the cell lets readers comment (cell comments).
 */
export function commentAddCommand(
  flags: FlagValues<'comment add'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const readerAllowed = myRole(cell) === 'reader' && cell.readerComments.allowedNow();
      const denied = readerAllowed ? undefined : requireWriter(cell);
      if (denied) return Promise.resolve(denied);
      const draft = findDraftDoc(cell, flags.title);
      if (!draft.ok) return Promise.resolve(draft.result);
      const anchor = findQuote(draft.doc, flags.on);
      if (!anchor)
        return Promise.resolve(failure('failed', 'the draft does not say the --on text'));
      // A reader's thread goes to her own root: the only place the others let her write.
      const writer = {
        authors: draft.comments.authors,
        member: toHex(cell.me.signPk),
        reader: readerAllowed,
      };
      const added = addComment(draft.comments.doc, flags.text, anchor, Date.now(), writer);
      if (!added.ok) return Promise.resolve(failure('usage', `invalid --text (${added.error})`));
      ctx.io.out(added.value);
      return Promise.resolve(done());
    }),
  );
}
