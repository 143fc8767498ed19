import { listComments } from '../../../shared/cell/listComments.ts';
import type { FlagValues } from '../commandSpecs.ts';
import type { CommandContext } from '../CommandContext.ts';
import { done, type CommandResult } from '../CommandResult.ts';
import { findDraftDoc } from '../findDraftDoc.ts';
import { withHome } from '../Home.ts';
import { warnEquivocators } from '../warnEquivocators.ts';
import { withCell } from '../withCell.ts';
import { pseudonymOf, tsvField } from '../outputFields.ts';

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
      const who = pseudonymOf(cell);
      // The threads kept in the draft doc (made before comments documents) and the new ones.
      const { entries } = listComments(
        draft.doc,
        cell.sync.clientAuthors(draft.docId),
        draft.comments,
      );
      for (const thread of entries) {
        const status = thread.resolved ? 'resolved' : 'open';
        ctx.io.out(
          [
            thread.id,
            status,
            who(thread.author),
            tsvField(thread.anchor.quote),
            tsvField(thread.text),
          ].join('\t'),
        );
        for (const reply of thread.replies)
          ctx.io.out([reply.id, 'reply', who(reply.author), '', tsvField(reply.text)].join('\t'));
      }
      warnEquivocators(cell, ctx.io);
      return Promise.resolve(done());
    }),
  );
}
