/**
 * Canary search for observer tests: does a byte string contain a secret in any of the encodings
 * a leak would plausibly take? UTF-8, UTF-16LE, hex, and base64 (standard and url-safe, of the
 * UTF-8 and the UTF-16LE bytes) at each of the three alignments a substring can have inside a
 * longer base64 text.
 */

export interface CanaryPattern {
  readonly label: string;
  readonly encoding: string;
  readonly bytes: Buffer;
}

/** The base64 characters determined by `raw` alone when it starts `offset` bytes into a block. */
function base64Core(raw: Buffer, offset: number, urlSafe: boolean): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), raw])
    .toString(urlSafe ? 'base64url' : 'base64')
    .replace(/=+$/, '');
  const start = Math.ceil((8 * offset) / 6);
  const end = Math.floor((8 * (offset + raw.length)) / 6);
  return encoded.slice(start, end);
}

/** Every pattern for one secret. */
export function canaryPatterns(label: string, secret: string): CanaryPattern[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const utf16 = Buffer.from(secret, 'utf16le');
  const out: CanaryPattern[] = [
    { label, encoding: 'utf8', bytes: utf8 },
    { label, encoding: 'utf16le', bytes: utf16 },
    { label, encoding: 'hex', bytes: Buffer.from(utf8.toString('hex'), 'latin1') },
  ];
  for (const [name, raw] of [
    ['utf8', utf8],
    ['utf16le', utf16],
  ] as const) {
    for (const urlSafe of [false, true]) {
      for (const offset of [0, 1, 2]) {
        const core = base64Core(raw, offset, urlSafe);
        out.push({
          label,
          encoding: `${urlSafe ? 'base64url' : 'base64'}(${name})@${offset}`,
          bytes: Buffer.from(core, 'latin1'),
        });
      }
    }
  }
  return out;
}

/** Patterns for a set of named secrets (each should be 16+ chars, so chance matches are nil). */
export function canarySet(secrets: Readonly<Record<string, string>>): CanaryPattern[] {
  return Object.entries(secrets).flatMap(([label, s]) => canaryPatterns(label, s));
}

/** `label/encoding in where` for every pattern found in `haystack`. */
export function findCanaries(
  haystack: Uint8Array,
  patterns: readonly CanaryPattern[],
  where: string,
): string[] {
  const h = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  return patterns
    .filter((p) => h.indexOf(p.bytes) !== -1)
    .map((p) => `${p.label}/${p.encoding} in ${where}`);
}
