import { beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual, utf8 } from '../../../shared/crypto/bytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { verifyDetached } from '../../../shared/crypto/verifyDetached.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { createIdentity } from '../../../shared/identity/createIdentity.ts';
import { isColour, PALETTE } from '../../../shared/identity/palette.ts';
import { validatePseudonym } from '../../../shared/identity/validatePseudonym.ts';

beforeAll(async () => {
  await sodiumReady();
});

describe('createIdentity', () => {
  it('makes independent, working Ed25519 and X25519 keypairs', () => {
    const r = createIdentity('  Olena  ', '#0369A1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const id = r.value;
    expect(id.pseudonym).toBe('Olena');
    expect(id.colour).toBe('#0369A1');
    expect([id.signPk.length, id.signSk.length, id.boxPk.length, id.boxSk.length]).toEqual([
      32, 64, 32, 32,
    ]);
    const sig = signDetached(id.signSk, LABELS.rosterOpSig, utf8('hello'));
    expect(verifyDetached(id.signPk, LABELS.rosterOpSig, utf8('hello'), sig)).toBe(true);
    expect(bytesEqual(sodium().crypto_scalarmult_base(id.boxSk), id.boxPk)).toBe(true);
    // Not derived from each other: the box key is not the signing key's X25519 conversion.
    const converted = sodium().crypto_sign_ed25519_pk_to_curve25519(id.signPk);
    expect(bytesEqual(converted, id.boxPk)).toBe(false);
  });

  it('draws fresh keys every time (nothing reused across cells)', () => {
    const a = createIdentity('same');
    const b = createIdentity('same');
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect(bytesEqual(a.value.signPk, b.value.signPk)).toBe(false);
    expect(bytesEqual(a.value.boxPk, b.value.boxPk)).toBe(false);
  });

  it('picks a palette colour when none is given, and refuses one outside it', () => {
    const colours = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const r = createIdentity('x');
      if (!r.ok) throw new Error(r.error);
      expect(isColour(r.value.colour)).toBe(true);
      colours.add(r.value.colour);
    }
    expect(colours.size).toBeGreaterThan(PALETTE.length / 2);
    const bad = createIdentity('x', '#FFFFFF' as never);
    expect(bad.ok ? 'created' : bad.error).toBe('colour_invalid');
  });
});

describe('validatePseudonym', () => {
  it('accepts 1-48 characters after trim, counting code points, NFC-normalised', () => {
    expect(validatePseudonym('a')).toEqual({ ok: true, value: 'a' });
    expect(validatePseudonym('Мирослава')).toEqual({ ok: true, value: 'Мирослава' });
    expect(validatePseudonym('😀'.repeat(48)).ok).toBe(true);
    expect(validatePseudonym('👩‍💻 coder').ok).toBe(true); // ZWJ emoji allowed
    expect(validatePseudonym('e\u0301')).toEqual({ ok: true, value: '\u00e9' });
  });

  it('refuses empty, too long, and control or bidi characters', () => {
    const cases: [string, string][] = [
      ['', 'pseudonym_empty'],
      ['   ', 'pseudonym_empty'],
      ['a'.repeat(49), 'pseudonym_too_long'],
      ['😀'.repeat(49), 'pseudonym_too_long'],
      ['x'.repeat(100_000), 'pseudonym_too_long'],
      ['a\nb', 'pseudonym_invalid'],
      ['a\u0000b', 'pseudonym_invalid'],
      ['a\u007fb', 'pseudonym_invalid'],
      ['admin\u202Enimda', 'pseudonym_invalid'],
      ['a\u2066b', 'pseudonym_invalid'],
      ['a\u2028b', 'pseudonym_invalid'],
      ['a\ud800b', 'pseudonym_invalid'],
    ];
    for (const [input, error] of cases) {
      const r = validatePseudonym(input);
      expect(r.ok ? 'ok' : r.error, JSON.stringify(input.slice(0, 20))).toBe(error);
    }
    const r = createIdentity('bad\tname');
    expect(r.ok ? 'ok' : r.error).toBe('pseudonym_invalid');
  });
});
