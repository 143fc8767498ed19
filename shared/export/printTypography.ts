import { typographicQuotes, type IssueLanguage } from './typographicQuotes.ts';

const NBSP = '\u00a0';

/** One UTF-16 unit of a run of texts and the text it belongs to. */
interface Unit {
  readonly char: string;
  readonly text: number;
}

/**
 * Replaces every match of `pattern` (global) in the joined texts; a replacement belongs to the
 * text its match starts in, so a rule may match across the texts of one block (bold, plain).
 */
function rewrite(
  units: readonly Unit[],
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string,
): Unit[] {
  const joined = units.map((unit) => unit.char).join('');
  const out: Unit[] = [];
  let from = 0;
  for (const match of joined.matchAll(pattern)) {
    out.push(...units.slice(from, match.index));
    const text = units[match.index]?.text ?? 0;
    for (const char of replace(match)) out.push({ char, text });
    from = match.index + match[0].length;
  }
  out.push(...units.slice(from));
  return out;
}

/** A spaced hyphen or dash between words, with the spaces around it. */
const SPACED_DASH: Record<IssueLanguage, RegExp> = {
  // English keeps a spaced en dash as typed; a spaced hyphen (or two, three) is a dash.
  en: /(?<=\S)[ \u00a0]+(?:-{1,3}|([\u2013\u2014]))[ \u00a0]+(?=\S)/g,
  ru: /(?<=\S)[ \u00a0]+(?:-{1,3}|[\u2013\u2014])[ \u00a0]+(?=\S)/g,
  uk: /(?<=\S)[ \u00a0]+(?:-{1,3}|[\u2013\u2014])[ \u00a0]+(?=\S)/g,
};
/** A dash opening a line of dialogue (ru/uk). */
const DIALOGUE_DASH = /(?<=^|\n)(?:-{1,3}|[\u2013\u2014])[ \u00a0]+(?=\S)/g;
/** An initial ("А.") before another initial or a name: never left at the end of a line. */
const AFTER_INITIAL = /(?<=(?:^|[\s([«„“‘"])\p{Lu}\.)[ ](?=\p{Lu})/gu;
/** A capitalised name before its initials ("Пушкин А. С."). */
const BEFORE_INITIALS = /(?<=\p{Lu}\p{Ll}+)[ ](?=\p{Lu}\.[ \u00a0]?\p{Lu}\.)/gu;
const NUMBER_SIGN = /№[ ]?(?=\d)/g;

/**
 * Print typography for the language across the texts of one block (one string per input):
 * typographic quotes (typographicQuotes), a spaced hyphen or dash between words becomes an em
 * dash (an en dash typed in English stays) with a non-breaking space before it, so that no line
 * starts with a dash; in ru/uk a dash opening a line of dialogue becomes an em dash with a
 * non-breaking space after; initials are bound to each other and to the name ("А. С. Пушкин",
 * "Пушкин А. С."), and № to its number. Text is otherwise unchanged: nothing is added to a
 * hyphen inside a word, a number range or a URL.
 */
export function printTypography(texts: readonly string[], lang: IssueLanguage): string[] {
  let units: Unit[] = typographicQuotes(texts, lang).flatMap((text, index) =>
    [...text].flatMap((char) => [...char].map((part) => ({ char: part, text: index }))),
  );
  units = rewrite(units, SPACED_DASH[lang], (match) => `${NBSP}${match[1] ?? '\u2014'} `);
  if (lang !== 'en') units = rewrite(units, DIALOGUE_DASH, () => `\u2014${NBSP}`);
  units = rewrite(units, AFTER_INITIAL, () => NBSP);
  units = rewrite(units, BEFORE_INITIALS, () => NBSP);
  units = rewrite(units, NUMBER_SIGN, () => `№${NBSP}`);
  const out = texts.map(() => '');
  for (const unit of units) out[unit.text] += unit.char;
  return out;
}
