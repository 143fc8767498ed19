import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Haystack {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Every file under `dir`, recursively, with its bytes. */
export async function filesUnder(dir: string): Promise<Haystack[]> {
  const out: Haystack[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push({ name: path, bytes: await readFile(path) });
  }
  return out;
}

/**
 * The forms a string could take on disk or in a log: UTF-8, UTF-16LE, and base64 (standard and
 * URL-safe) at each of the three alignments a base64 stream can cut it at (the full 4-character
 * groups of needle[j..] for j = 0, 1, 2; one of them appears wherever the needle was encoded).
 */
export function encodings(needle: string): { form: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(needle, 'utf8');
  const forms = [
    { form: 'utf-8', bytes: utf8 },
    { form: 'utf-16le', bytes: Buffer.from(needle, 'utf16le') },
  ];
  for (let j = 0; j < 3; j++) {
    const part = utf8.subarray(j);
    const chars = Math.floor(part.length / 3) * 4;
    if (chars < 8) continue;
    const b64 = part.toString('base64').slice(0, chars);
    forms.push({ form: `base64+${j}`, bytes: Buffer.from(b64) });
    forms.push({
      form: `base64url+${j}`,
      bytes: Buffer.from(b64.replace(/\+/g, '-').replace(/\//g, '_')),
    });
  }
  return forms;
}

/** "needle (form) in name" for every occurrence; empty when nothing leaked. */
export function findLeaks(haystacks: readonly Haystack[], needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const h of haystacks) {
    const buf = Buffer.from(h.bytes.buffer, h.bytes.byteOffset, h.bytes.byteLength);
    for (const needle of needles)
      for (const { form, bytes } of encodings(needle))
        if (buf.includes(bytes)) found.push(`${JSON.stringify(needle)} (${form}) in ${h.name}`);
  }
  return found;
}
