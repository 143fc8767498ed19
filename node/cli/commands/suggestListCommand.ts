import { draftBody } from '../../../shared/cell/draftBody.ts';
import { findSuggestions } from '../../../shared/cell/findSuggestions.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { findDraftDoc } from '../findDraftDoc.ts';
import { withHome } from '../Home.ts';
import { suggestionRef } from '../suggestionRef.ts';
import { warnEquivocators } from '../warnEquivocators.ts';
import { withCell } from '../withCell.ts';
import { pseudonymOf, tsvField } from '../outputFields.ts';

/**
 * `quire suggest list`: the draft's open suggestions in document order, as
 * `ref<TAB>insert|delete<TAB>suggester<TAB>text`. The suggester is the verified writer (by
 * pseudonym), never a mark's attribute; `?` when the engine does not know the writer.
 */
export function suggestListCommand(
  flags: FlagValues<'suggest list'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const draft = findDraftDoc(cell, flags.title);
      if (!draft.ok) return Promise.resolve(draft.result);
      const who = pseudonymOf(cell);
      const authors = cell.sync.clientAuthors(draft.docId);
      for (const s of findSuggestions(draftBody(draft.doc), authors))
        ctx.io.out([suggestionRef(s), s.kind, who(s.author), tsvField(s.text)].join('\t'));
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
