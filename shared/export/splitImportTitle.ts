import type { Block } from './IssueBlock.ts';

/**
 * The title and body of a draft imported from a Markdown file: a level-1 heading that opens the
 * file is the title and leaves the body (else it was printed twice: once as the draft's title and
 * again as its first line); without one the file's name is the title, less its extension.
 * `title` is '' when neither gives one (the caller names it "Untitled import").
 */
export function splitImportTitle(
  blocks: readonly Block[],
  fileName: string,
): { readonly title: string; readonly body: Block[] } {
  const [first, ...rest] = blocks;
  if (first?.type === 'heading' && first.level === 1) {
    const heading = first.inlines
      .map((inline) => inline.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (heading !== '') return { title: heading, body: rest };
  }
  return { title: fileName.replace(/\.(md|markdown|txt)$/i, '').trim(), body: [...blocks] };
}
