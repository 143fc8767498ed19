import type { Inline } from './IssueBlock.ts';

const sameMarks = (a: Inline, b: Inline): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.href === b.href;

/** An inline with only the marks that are set (no `bold: undefined` keys), for stable output. */
export function makeInline(
  text: string,
  marks: { bold?: boolean; italic?: boolean; href?: string | undefined },
): Inline {
  return {
    text,
    ...(marks.bold ? { bold: true as const } : {}),
    ...(marks.italic ? { italic: true as const } : {}),
    ...(marks.href !== undefined ? { href: marks.href } : {}),
  };
}

/** Drops empty runs and joins neighbours with the same marks, so equal content compares equal. */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameMarks(last, inline))
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    else out.push(makeInline(inline.text, inline));
  }
  return out;
}
