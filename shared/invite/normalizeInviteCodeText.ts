/**
 * What a person pastes or types, reduced to the bare lower-case bech32 string: whitespace
 * (including line breaks and no-break spaces), every dash variant and zero-width characters are
 * removed; letters are lower-cased. Inside the data part the characters bech32 leaves out are read
 * as their look-alikes (o -> 0, b -> 8, i and 1 -> l), as Crockford base32 does: the checksum
 * still decides, so a wrong guess ends as 'checksum_mismatch', never as a different code.
 */
export function normalizeInviteCodeText(text: string): string {
  const bare = text
    .replace(/[\s\u00a0\u2000-\u200d\u2060\ufeff]/g, '')
    .replace(/[-_\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '')
    .toLowerCase();
  if (!bare.startsWith('quire1')) return bare;
  return `quire1${bare.slice(6).replace(/[oib1]/g, (c) => ALIASES[c] ?? c)}`;
}

const ALIASES: Readonly<Record<string, string>> = { o: '0', b: '8', i: 'l', '1': 'l' };
