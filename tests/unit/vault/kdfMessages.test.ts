import { describe, expect, it } from 'vitest';
import { parseKdfRequest, parseKdfResponse } from '../../../renderer/vault/kdfMessages.ts';
import { KDF_CAP } from '../../../shared/vault/kdfParams.ts';

const good = {
  passphrase: new Uint8Array([1, 2, 3]),
  salt: new Uint8Array(16),
  opslimit: 3,
  memlimit: 256 * 1024 * 1024,
};

describe('KDF worker messages', () => {
  it('accepts a well-formed request', () => {
    expect(parseKdfRequest(good)).toEqual(good);
  });

  it('refuses anything above the cap or malformed, so the worker never over-allocates', () => {
    const bad: unknown[] = [
      null,
      'x',
      { ...good, memlimit: KDF_CAP.memlimit + 1 },
      { ...good, opslimit: KDF_CAP.opslimit + 1 },
      { ...good, memlimit: 1024 },
      { ...good, opslimit: 0 },
      { ...good, opslimit: 1.5 },
      { ...good, salt: new Uint8Array(15) },
      { ...good, passphrase: 'text' },
      { ...good, passphrase: new Uint8Array(1025) },
      { ...good, memlimit: '268435456' },
    ];
    for (const b of bad) expect(parseKdfRequest(b)).toBeUndefined();
  });

  it('accepts only a 32-byte key or an explicit failure as a response', () => {
    expect(parseKdfResponse({ ok: true, key: new Uint8Array(32) })).toEqual({
      ok: true,
      key: new Uint8Array(32),
    });
    expect(parseKdfResponse({ ok: false })).toEqual({ ok: false });
    for (const b of [
      { ok: true, key: new Uint8Array(31) },
      { ok: true },
      { ok: 'yes', key: new Uint8Array(32) },
      undefined,
    ]) {
      expect(parseKdfResponse(b)).toBeUndefined();
    }
  });
});
