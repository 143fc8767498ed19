import { describe, expect, it } from 'vitest';
import type { Roster, RosterMember } from '../../../shared/roster/Roster.ts';
import { equivocatorsOf } from '../../../shared/runtime/equivocatorsOf.ts';
import { Diagnostics } from '../../../shared/sync/Diagnostics.ts';
import { warnEquivocators } from '../../../node/cli/warnEquivocators.ts';

const DORA = 'dd'.repeat(32);
const GONE = 'ee'.repeat(32);
const SEEN = 'ff'.repeat(32);

function cellWith(d: Diagnostics) {
  const members = new Map([[DORA, { pseudonym: 'Dora' } as RosterMember]]);
  return { sync: { diagnostics: d }, currentRoster: () => ({ members }) as unknown as Roster };
}

describe('equivocators are named wherever a member looks', () => {
  it('lists proven authors first, each once, with the pseudonym while the roster names them', () => {
    const d = new Diagnostics();
    d.equivocators.add(SEEN);
    d.proveEquivocator(DORA, 'aa'.repeat(16));
    d.proveEquivocator(DORA, 'bb'.repeat(16));
    d.proveEquivocator(GONE, 'aa'.repeat(16));
    const names = new Map([[DORA, 'Dora']]);
    expect(equivocatorsOf(d, (hex) => names.get(hex))).toEqual([
      { signPkHex: DORA, pseudonym: 'Dora', proven: true },
      { signPkHex: GONE, proven: true },
      { signPkHex: SEEN, proven: false },
    ]);
    expect(equivocatorsOf(new Diagnostics(), () => 'x')).toEqual([]);
  });

  it('the CLI warns on stderr, one line per author, and says nothing when there is no fork', () => {
    const lines: string[] = [];
    warnEquivocators(cellWith(new Diagnostics()), { err: (l) => lines.push(l) });
    expect(lines).toEqual([]);
    const d = new Diagnostics();
    d.proveEquivocator(DORA, 'aa'.repeat(16));
    d.proveEquivocator(GONE, 'aa'.repeat(16));
    warnEquivocators(cellWith(d), { err: (l) => lines.push(l) });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warning: Dora signed two different versions of one edit \(a proof/);
    expect(lines[1]).toMatch(/^warning: the former member eeeeeeee signed two different versions/);
  });
});
