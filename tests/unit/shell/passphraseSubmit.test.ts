import { describe, expect, it } from 'vitest';
import { passphraseProblem } from '../../../renderer/shell/passphraseProblem.ts';
import {
  MIN_ACCEPTED_SCORE,
  passphraseStrength,
} from '../../../renderer/shell/passphraseStrength.ts';
import { WORDLIST } from '../../../shared/identity/wordlist.ts';
import { generatePassphrase } from '../../../shared/vault/generatePassphrase.ts';
import { passphraseSubmitStep } from '../../../renderer/shell/passphraseSubmitStep.ts';

const PASS = 'velvet tundra mosaic quarrel orbit';

describe('a submit made while the strength check runs (issue 19 item 2)', () => {
  it('waits for the check instead of being dropped, then goes through', async () => {
    const form = { passphrase: PASS, confirm: PASS, understood: true };
    // A password manager fills both fields and clicks before zxcvbn has answered.
    const before = passphraseProblem({ ...form, strength: undefined });
    expect(before).toBe('checking');
    expect(passphraseSubmitStep(before)).toBe('wait');
    // The check ends: the queued submit is decided again and submits.
    const after = passphraseProblem({ ...form, strength: await passphraseStrength(PASS) });
    expect(after).toBeUndefined();
    expect(passphraseSubmitStep(after)).toBe('submit');
  });

  it('a queued submit of a weak or mismatched passphrase ends refused, with the reason', async () => {
    const weak = await passphraseStrength('password1');
    const strong = await passphraseStrength(PASS);
    const refused = (p: ReturnType<typeof passphraseProblem>): string | undefined =>
      passphraseSubmitStep(p) === 'refuse' ? p : undefined;
    expect(
      refused(
        passphraseProblem({
          passphrase: 'password1',
          confirm: 'password1',
          understood: true,
          strength: weak,
        }),
      ),
    ).toBe('short');
    const longWeak = 'passwordpasswordpassword1';
    expect(
      refused(
        passphraseProblem({
          passphrase: longWeak,
          confirm: longWeak,
          understood: true,
          strength: await passphraseStrength(longWeak),
        }),
      ),
    ).toBe('weak');
    expect(
      refused(
        passphraseProblem({ passphrase: PASS, confirm: 'x', understood: true, strength: strong }),
      ),
    ).toBe('mismatch');
    expect(
      refused(
        passphraseProblem({ passphrase: PASS, confirm: PASS, understood: false, strength: strong }),
      ),
    ).toBe('understand');
    expect(
      refused(
        passphraseProblem({ passphrase: '', confirm: '', understood: true, strength: undefined }),
      ),
    ).toBe('empty');
  });
});

describe('the passphrase floor for a state adversary (issue 15 item 3)', () => {
  it('suggests six words from the BIP-39 list that always pass the floor', async () => {
    const list = new Set(WORDLIST);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const p = generatePassphrase();
      seen.add(p);
      const words = p.split(' ');
      expect(words).toHaveLength(6);
      for (const w of words) expect(list.has(w), w).toBe(true);
      const strength = await passphraseStrength(p);
      expect(
        passphraseProblem({ passphrase: p, confirm: p, understood: true, strength }),
        p,
      ).toBeUndefined();
    }
    expect(seen.size).toBe(40);
  });

  it('refuses score 3 and anything under 20 characters', async () => {
    expect(MIN_ACCEPTED_SCORE).toBe(4);
    const short = 'Zq8#vL!2pW'; // strong per character, but 10 characters
    expect(
      passphraseProblem({
        passphrase: short,
        confirm: short,
        understood: true,
        strength: await passphraseStrength(short),
      }),
    ).toBe('short');
    const three = { score: 3, warning: undefined } as const;
    const p = 'twenty characters or more';
    expect(
      passphraseProblem({ passphrase: p, confirm: p, understood: true, strength: three }),
    ).toBe('weak');
  });
});
