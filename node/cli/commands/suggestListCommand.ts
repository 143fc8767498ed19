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

/** One line of output: tabs and line breaks inside a text become spaces. */
const field = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

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
      const members = cell.currentRoster().members;
      const who = (hex: string | undefined): string =>
        hex === undefined ? '?' : (members.get(hex)?.pseudonym ?? hex.slice(0, 8));
      const authors = cell.sync.clientAuthors(draft.docId);
      for (const s of findSuggestions(draftBody(draft.doc), authors))
        ctx.io.out([suggestionRef(s), s.kind, who(s.author), field(s.text)].join('\t'));
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
