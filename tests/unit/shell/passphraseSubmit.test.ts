import { describe, expect, it } from 'vitest';
import { passphraseProblem } from '../../../renderer/shell/passphraseProblem.ts';
import { passphraseStrength } from '../../../renderer/shell/passphraseStrength.ts';
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
