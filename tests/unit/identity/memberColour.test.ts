import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity } from '../../../shared/identity/createIdentity.ts';
import { memberColour } from '../../../shared/identity/memberColour.ts';
import { PALETTE } from '../../../shared/identity/palette.ts';

describe('memberColour', () => {
  beforeAll(sodiumReady);

  it('is a palette colour fixed by the key alone (the same on every screen)', () => {
    const key = new Uint8Array(32).fill(7);
    expect(PALETTE).toContain(memberColour(key));
    expect(memberColour(new Uint8Array(key))).toBe(memberColour(key));
  });

  it('spreads members over the palette', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 64; i++) {
      const identity = createIdentity(`Member ${i}`);
      if (!identity.ok) throw new Error(identity.error);
      seen.add(memberColour(identity.value.signPk));
    }
    expect(seen.size).toBeGreaterThan(PALETTE.length / 2);
  });
});
