import type { Diagnostics } from '../sync/Diagnostics.ts';

/** An author this device saw sign two different versions of one edit. */
export interface Equivocator {
  readonly signPkHex: string;
  /** Their pseudonym while the roster still names them. */
  readonly pseudonym?: string;
  /** A verified fork proof is held (every member can check it), not only our own sighting. */
  readonly proven: boolean;
}

/**
 * Who equivocated, as every screen names them (the app's alert, the CLI's warning): proven
 * authors first, then those only this device saw, each once.
 */
export function equivocatorsOf(
  d: Pick<Diagnostics, 'provenEquivocators' | 'equivocators'>,
  pseudonymOf: (signPkHex: string) => string | undefined,
): Equivocator[] {
  const out: Equivocator[] = [];
  const seen = new Set<string>();
  const add = (signPkHex: string, proven: boolean): void => {
    if (seen.has(signPkHex)) return;
    seen.add(signPkHex);
    const pseudonym = pseudonymOf(signPkHex);
    out.push(pseudonym === undefined ? { signPkHex, proven } : { signPkHex, pseudonym, proven });
  };
  for (const hex of d.provenEquivocators.keys()) add(hex, true);
  for (const hex of d.equivocators) add(hex, false);
  return out;
}
