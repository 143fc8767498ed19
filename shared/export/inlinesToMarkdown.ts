import type { Inline } from './IssueBlock.ts';
import { makeInline, normalizeInlines } from './normalizeInlines.ts';

type Mark = 'link' | 'bold' | 'italic';

/** Characters that could start markup anywhere in a line; always backslash-escaped. */
const escapeText = (text: string): string => text.replace(/[\\`*_[\]<>&!~|]/g, '\\$&');

/** Escapes what would make a line start a heading, list, quote, rule or code fence. */
const escapeLineStart = (line: string): string =>
  line
    .replace(/^\s+/, '')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');

const destination = (href: string): string =>
  /[\s()<>\\]/.test(href) ? `<${href.replace(/[<>\\]/g, '\\$&')}>` : href;

/**
 * Emphasis delimiters next to whitespace are not emphasis in CommonMark, so whitespace at the
 * edges of a bold or italic run is moved outside it.
 */
function splitEdges(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (!inline.bold && !inline.italic) {
      out.push(inline);
      continue;
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inline.text);
    const [lead, core, trail] = [match?.[1] ?? '', match?.[2] ?? '', match?.[3] ?? ''];
    const plain = makeInline('', { href: inline.href });
    out.push({ ...plain, text: lead }, { ...inline, text: core }, { ...plain, text: trail });
  }
  return normalizeInlines(out);
}

const has = (inline: Inline, mark: Mark): boolean =>
  mark === 'link' ? inline.href !== undefined : inline[mark] === true;

/**
 * Inlines as CommonMark: marks open and close like a stack (a link outermost when it starts
 * first), so nesting stays valid; '\n' becomes a backslash hard break.
 */
export function inlinesToMarkdown(inlines: readonly Inline[]): string {
  let out = '';
  const open: { mark: Mark; href?: string }[] = [];
  const close = (entry: { mark: Mark; href?: string }): string =>
    entry.mark === 'link'
      ? `](${destination(entry.href ?? '')})`
      : entry.mark === 'bold'
        ? '**'
        : '*';
  for (const inline of splitEdges(inlines)) {
    const keep = open.findIndex(
      (entry) => !has(inline, entry.mark) || (entry.mark === 'link' && entry.href !== inline.href),
    );
    if (keep >= 0) {
      for (const entry of open.splice(keep).reverse()) out += close(entry);
    }
    for (const mark of ['link', 'bold', 'italic'] as const) {
      if (!has(inline, mark) || open.some((entry) => entry.mark === mark)) continue;
      open.push(mark === 'link' ? { mark, href: inline.href ?? '' } : { mark });
      out += mark === 'link' ? '[' : mark === 'bold' ? '**' : '*';
    }
    out += escapeText(inline.text).replace(/\n/g, '\\\n');
  }
  for (const entry of open.reverse()) out += close(entry);
  // A break at the very end would leave a literal backslash before the blank line that ends
  // the block; it shows nothing, so it goes.
  return out
    .replace(/(?:\\\n\s*)+$/, '')
    .split('\n')
    .map(escapeLineStart)
    .join('\n');
}
