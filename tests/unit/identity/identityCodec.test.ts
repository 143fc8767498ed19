import { beforeAll, describe, expect, it } from 'vitest';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { decodeIdentity } from '../../../shared/identity/decodeIdentity.ts';
import { encodeIdentity } from '../../../shared/identity/encodeIdentity.ts';
import { isVerified, markVerified } from '../../../shared/identity/ContactVerification.ts';

beforeAll(async () => {
  await sodiumReady();
});

function make(name = 'Ніч'): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('identity codec', () => {
  it('round-trips', () => {
    const id = make();
    expect(decodeIdentity(encodeIdentity(id))).toEqual({ ok: true, value: id });
  });

  it('refuses truncated, extended, unknown format, bad colour, inconsistent keys, bad name', () => {
    const id = make();
    const good = encodeIdentity(id);
    const other = make();
    const mutations: Uint8Array[] = [
      good.subarray(0, good.length - 1),
      new Uint8Array([...good, 0]),
      good.subarray(0, 100),
    ];
    const withByte = (i: number, v: number) => {
      const t = good.slice();
      t[i] = v;
      return t;
    };
    mutations.push(withByte(0, 2)); // format
    mutations.push(withByte(161, 200)); // colour index
    mutations.push(withByte(1, (good[1] ?? 0) ^ 1)); // signPk no longer matches signSk
    mutations.push(withByte(97, (good[97] ?? 0) ^ 1)); // boxPk no longer matches boxSk
    const swapped = good.slice();
    swapped.set(other.boxSk, 129); // someone else's box secret
    mutations.push(swapped);
    mutations.push(encodeIdentity({ ...id, pseudonym: 'tab\there' }));
    mutations.push(encodeIdentity({ ...id, pseudonym: ' padded' })); // not canonical
    for (const m of mutations)
      expect(decodeIdentity(m)).toEqual({ ok: false, error: 'identity_malformed' });
  });
});

describe('ContactVerification', () => {
  it('stays verified for the same keys and drops when either key changes', () => {
    const id = make();
    const v = markVerified(id.signPk, id.boxPk, 1_700_000_000_000);
    expect(v.verifiedAt).toBe(1_700_000_000_000);
    expect(isVerified(v, id.signPk, id.boxPk)).toBe(true);
    expect(isVerified(v, id.signPk, sodium().crypto_box_keypair().publicKey)).toBe(false);
    expect(isVerified(v, sodium().crypto_sign_keypair().publicKey, id.boxPk)).toBe(false);
    expect(isVerified(undefined, id.signPk, id.boxPk)).toBe(false);
  });
});
