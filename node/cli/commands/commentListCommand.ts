import { listComments } from '../../../shared/cell/listComments.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { findDraftDoc } from '../findDraftDoc.ts';
import { withHome } from '../Home.ts';
import { warnEquivocators } from '../warnEquivocators.ts';
import { withCell } from '../withCell.ts';

/** One line of output: tabs and line breaks inside a text become spaces. */
const field = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

/**
 * `quire comment list`: the draft's comment threads, oldest first, as
 * `id<TAB>open|resolved<TAB>author<TAB>quote<TAB>text`, each followed by its replies as
 * `id<TAB>reply<TAB>author<TAB><TAB>text`. Authors are the verified writers, by pseudonym.
 */
export function commentListCommand(
  flags: FlagValues<'comment list'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return withHome(flags.home, ctx, (home) =>
    withCell(home, flags.cell, undefined, (cell) => {
      const draft = findDraftDoc(cell, flags.title);
      if (!draft.ok) return Promise.resolve(draft.result);
      const members = cell.currentRoster().members;
      // A former member shows as the start of their key: the roster no longer names them.
      const who = (hex: string): string => members.get(hex)?.pseudonym ?? hex.slice(0, 8);
      const { entries } = listComments(draft.doc, cell.sync.clientAuthors(draft.docId));
      for (const thread of entries) {
        const status = thread.resolved ? 'resolved' : 'open';
        ctx.io.out(
          [
            thread.id,
            status,
            who(thread.author),
            field(thread.anchor.quote),
            field(thread.text),
          ].join('\t'),
        );
        for (const reply of thread.replies)
          ctx.io.out([reply.id, 'reply', who(reply.author), '', field(reply.text)].join('\t'));
      }
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
