import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import type { WireScope } from './WireScope.ts';

/** `${docHex}:${authorHex}` -> update seqs present in a scope. */
export function heldUpdates(scope: WireScope): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const m of scope.meta.values()) {
    if (m.kind !== ENVELOPE_KIND.update) continue;
    const key = `${m.docHex}:${m.authorHex}`;
    let set = out.get(key);
    if (!set) out.set(key, (set = new Set()));
    set.add(m.seq);
  }
  return out;
}
