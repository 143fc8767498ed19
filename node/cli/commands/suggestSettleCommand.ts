import { acceptSuggestion } from '../../../shared/cell/acceptSuggestion.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { findSuggestions } from '../../../shared/cell/findSuggestions.ts';
import { rejectSuggestion } from '../../../shared/cell/rejectSuggestion.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, failure, type CommandResult } from '../CommandResult.ts';
import { findDraftDoc } from '../findDraftDoc.ts';
import { withHome } from '../Home.ts';
import { byRef } from '../suggestionRef.ts';
import { requireWriter, withCell } from '../withCell.ts';

/**
 * `quire suggest accept|reject`: settles the suggestion `--ref` names (from `quire suggest
 * list`), or every open one with `--all`, as an ordinary edit; prints how many. Sync to send it.
 */
export function suggestSettleCommand(
  accept: boolean,
  flags: FlagValues<'suggest accept'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  if ((flags.ref === undefined) === !flags.all)
    return Promise.resolve(failure('usage', 'give exactly one of --ref and --all'));
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const denied = requireWriter(cell);
      if (denied) return Promise.resolve(denied);
      const draft = findDraftDoc(cell, flags.title);
      if (!draft.ok) return Promise.resolve(draft.result);
      const body = draftBody(draft.doc);
      const authors = cell.sync.clientAuthors(draft.docId);
      const settle = accept ? acceptSuggestion : rejectSuggestion;
      if (flags.all) {
        ctx.io.out(String(settle(body, 'all', authors)));
        return Promise.resolve(done());
      }
      const named = byRef(findSuggestions(body, authors), flags.ref ?? '');
      const [one] = named;
      if (!one || named.length > 1)
        return Promise.resolve(
          failure(
            'failed',
            named.length > 1 ? 'that ref is ambiguous' : 'no open suggestion has that ref',
          ),
        );
      ctx.io.out(String(settle(body, one, authors)));
      return Promise.resolve(done());
    }),
  );
}
