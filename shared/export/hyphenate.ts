import { englishBreaks } from './hyphenateEnglish.ts';
import type { IssueLanguage } from './typographicQuotes.ts';

const SOFT_HYPHEN = '\u00ad';
const VOWEL = /[аеёиоуыэюяіїє]/;
/** Letters that close a syllable and never start a line: й, ь, ъ and the Ukrainian apostrophe. */
const CLOSING = /[йьъ'’]/;
/** A Cyrillic word (a Ukrainian apostrophe inside it is part of it). */
const CYRILLIC_WORD = /^[а-яёіїєґ]+(?:['’][а-яёіїєґ]+)*$/i;
/** An English word: Latin letters only (no apostrophe, accent or digit). */
const LATIN_WORD = /^[a-z]+$/i;
/** Letters kept on each side of a break: never one letter alone on a line. */
const MIN_LEFT = 2;
const MIN_RIGHT = 2;

/**
 * Where a Cyrillic word may break, by syllables: between two vowels; before a single consonant;
 * between two consonants ("кас-са"); one consonant left of a longer cluster ("сес-тра"), two of
 * four or more; always after й, ь, ъ or an apostrophe ("бой-ня", "подъ-езд", "об’-єкт"); in
 * Ukrainian дж and дз stay together ("хо-джу"). Returns the break offsets.
 */
function cyrillicBreaks(word: string, lang: IssueLanguage): number[] {
  const lower = word.toLowerCase();
  const vowels: number[] = [];
  for (let i = 0; i < lower.length; i++) if (VOWEL.test(lower[i] ?? '')) vowels.push(i);
  const breaks: number[] = [];
  for (let k = 1; k < vowels.length; k++) {
    const a = vowels[k - 1] ?? 0;
    const b = vowels[k] ?? 0;
    const cluster = lower.slice(a + 1, b);
    let at: number;
    let closing = -1;
    for (let i = 0; i < cluster.length; i++) if (CLOSING.test(cluster[i] ?? '')) closing = i;
    if (closing >= 0) at = a + 2 + closing;
    else if (cluster.length <= 1) at = a + 1;
    else if (cluster.length <= 3) at = a + 2;
    else at = a + 3;
    if (lang === 'uk' && lower[at - 1] === 'д' && /[жз]/.test(lower[at] ?? '') && at - 1 > a) at--;
    if (at >= MIN_LEFT && lower.length - at >= MIN_RIGHT) breaks.push(at);
  }
  return breaks;
}

/** Where `word` may break: Cyrillic words by rule, Latin words in an English issue by pattern. */
function breaksOf(word: string, lang: IssueLanguage): number[] {
  if (CYRILLIC_WORD.test(word)) return cyrillicBreaks(word, lang);
  if (lang === 'en' && LATIN_WORD.test(word)) return englishBreaks(word);
  return [];
}

function hyphenateWord(word: string, lang: IssueLanguage): string {
  // Abbreviations (two capitals or more: НАТО, ЖКХ, NATO) are never broken.
  if (/\p{Lu}.*\p{Lu}/u.test(word)) return word;
  let out = '';
  let from = 0;
  for (const at of breaksOf(word, lang)) {
    out += word.slice(from, at) + SOFT_HYPHEN;
    from = at;
  }
  return out + word.slice(from);
}

/** Something that must print exactly as typed: an address, a domain, a path. */
const VERBATIM = /[/@\\]|\p{L}\.\p{L}|:\/\//u;

/**
 * Soft hyphens at the syllable breaks of every Cyrillic word of `text`, and in an English issue
 * of every English word, so that print hyphenates the same on every machine without the
 * system's dictionaries (the HTML sets `hyphens: manual`). Cyrillic by rules, not a dictionary:
 * a break always falls between syllables and never leaves one letter alone, but it knows no
 * prefixes or roots ("ра-зыг-рать", not "раз-ыг-рать"). English by Liang's algorithm with TeX's
 * en-us patterns (hyphenateEnglish), as TeX does it. Latin words in a Russian or Ukrainian
 * issue, words in other scripts, abbreviations, and tokens that look like addresses (a slash,
 * @, a dot between letters) are left as they are; a hyphen in a compound stays the only break
 * there.
 */
export function hyphenate(text: string, lang: IssueLanguage): string {
  return text.replace(/\S+/g, (token) =>
    VERBATIM.test(token)
      ? token
      : token.replace(/\p{L}+(?:['’]\p{L}+)*/gu, (word) => hyphenateWord(word, lang)),
  );
}
