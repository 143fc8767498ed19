import { blocksToMarkdown } from './blocksToMarkdown.ts';
import type { ExportDraft } from './ExportDraft.ts';
import { inlinesToMarkdown } from './inlinesToMarkdown.ts';
import type { NewsletterIssue } from './NewsletterIssue.ts';

const line = (text: string): string => inlinesToMarkdown([{ text }]);

/**
 * An issue as one Markdown file: the masthead (title, number and chosen date, tagline), then
 * each draft under its title with its own headings moved below it. Nothing else: no front
 * matter, no author, no cell, no app, no time of export.
 */
export function issueMarkdown(issue: NewsletterIssue, drafts: readonly ExportDraft[]): string {
  const { title, issueNumber, date, tagline } = issue.masthead;
  const parts = [`# ${line(title)}`];
  parts.push(
    line([issueNumber === '' ? '' : `№ ${issueNumber}`, date].filter(Boolean).join(' · ')),
  );
  if (tagline !== '') parts.push(inlinesToMarkdown([{ text: tagline, italic: true }]));
  for (const draft of drafts) {
    parts.push('---', `## ${line(draft.title)}`);
    const body = blocksToMarkdown(draft.blocks, { headingOffset: 2 });
    if (body !== '') parts.push(body);
  }
  return `${parts.join('\n\n')}\n`;
}
