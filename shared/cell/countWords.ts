/** Words in a text: runs without whitespace that hold at least one letter or digit (any script). */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) words++;
  return words;
}
