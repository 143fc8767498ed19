import { err, ok, type Result } from '../util/result.ts';

/** Why a page's content could not be made black-only: an operator we do not rewrite. */
export type GrayContentError = 'unsupported-colour' | 'inline-image' | 'malformed';

const DELIMITER = /[\s()<>[\]{}/%]/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
/** Colour operators through colour spaces, patterns and shadings: not rewritten, refused. */
const REFUSED = new Set(['cs', 'CS', 'sc', 'scn', 'SC', 'SCN', 'sh']);

const grayOf = (values: readonly number[], cmyk: boolean): number => {
  const [a = 0, b = 0, c = 0, k = 0] = values;
  // Luma of the colour (ITU-R BT.601); CMYK through its naive RGB.
  const gray = cmyk
    ? 1 - Math.min(1, 0.299 * a + 0.587 * b + 0.114 * c + k)
    : 0.299 * a + 0.587 * b + 0.114 * c;
  return Math.round(Math.min(1, Math.max(0, gray)) * 10_000) / 10_000;
};

/** The end (exclusive) of a literal string starting at `at` ('('), nested and escaped. */
function endOfString(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * One content stream (decoded, Latin-1) with every device colour set to its gray: `r g b rg`
 * becomes `y g`, `RG` becomes `G`, and CMYK `k`/`K` likewise. Strings, names and everything else
 * stay byte for byte. Colour spaces, patterns, shadings and inline images are refused rather
 * than passed on in colour.
 */
export function grayContentStream(text: string): Result<string, GrayContentError> {
  let out = '';
  let copied = 0;
  let operands: { start: number; value: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    const start = i;
    if (char === '(') {
      i = endOfString(text, i);
      if (i < 0) return err('malformed');
    } else if (char === '<' && text[i + 1] === '<') i += 2;
    else if (char === '>' && text[i + 1] === '>') i += 2;
    else if (char === '<') {
      i = text.indexOf('>', i) + 1;
      if (i === 0) return err('malformed');
    } else if ('[]{}'.includes(char)) i++;
    else if (char === ')' || char === '>') return err('malformed');
    else {
      i++; // a name's '/' or the first regular character
      while (i < text.length && !DELIMITER.test(text[i] ?? '')) i++;
    }
    const token = text.slice(start, i);
    if (char === '/' || char === '(' || char === '<' || char === '[' || NUMBER.test(token)) {
      operands.push({ start, value: token });
      continue;
    }
    if (token === ']' || token === '>>' || token === '{' || token === '}') {
      operands.push({ start, value: token });
      continue;
    }
    // An operator.
    if (token === 'BI') return err('inline-image');
    if (REFUSED.has(token)) return err('unsupported-colour');
    const count = token === 'rg' || token === 'RG' ? 3 : token === 'k' || token === 'K' ? 4 : 0;
    if (count > 0) {
      const values = operands.slice(-count);
      if (values.length !== count || !values.every((v) => NUMBER.test(v.value))) {
        return err('malformed');
      }
      const gray = grayOf(
        values.map((v) => Number(v.value)),
        count === 4,
      );
      out += text.slice(copied, values[0]?.start ?? start);
      out += `${gray} ${token === 'rg' || token === 'k' ? 'g' : 'G'}`;
      copied = i;
    }
    operands = [];
  }
  return ok(out + text.slice(copied));
}
