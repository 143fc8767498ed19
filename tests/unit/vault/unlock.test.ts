import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, utf8 } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import { hasVault } from '../../../shared/vault/hasVault.ts';
import { openVault } from '../../../shared/vault/openVault.ts';
import { rewrapVault } from '../../../shared/vault/rewrapVault.ts';
import { tryUnlockVault } from '../../../shared/vault/tryUnlockVault.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sealVaultSlot } from '../../../shared/vault/sealVaultSlot.ts';
import {
  encodeHeaderPrefix,
  HEADER_PREFIX_BYTES,
  SLOT_BYTES,
  VAULT_HEADER_BYTES,
} from '../../../shared/vault/vaultHeaderFormat.ts';
import { MemoryStorage } from './memoryStorage.ts';
import {
  countingKdf,
  FAST,
  fastVault,
  PASS,
  recordingThrottle,
  TEST_FLOOR,
} from './vaultFixture.ts';

const opts = { kdf: argon2idKdf, floor: TEST_FLOOR };

beforeAll(async () => {
  await sodiumReady();
});

/** Replaces the header row without recording a call (simulates an attacker editing the disk). */
function plant(storage: MemoryStorage, bytes: Uint8Array): void {
  storage.raw('vault').set('header', bytes.slice());
  storage.calls.length = 0;
}

/** Refused with `reason`, no write/quarantine/wipe issued, header row byte-identical. */
async function expectRefused(storage: MemoryStorage, passphrase: string, reason: string) {
  const before = storage.raw('vault').get('header')?.slice();
  const res = await tryUnlockVault(storage, passphrase, opts);
  expect(res.ok ? 'opened' : res.error).toBe(reason);
  expect(storage.mutations()).toBe(0);
  expect(storage.raw('vault').get('header')).toEqual(before);
}

describe('create / unlock / lock / re-wrap', () => {
  it('round-trips a sealed row through lock and unlock', async () => {
    const { storage, vault } = await fastVault();
    await vault.store.put('settings', 'theme', utf8('dark'));
    vault.lock();
    expect(vault.locked).toBe(true);
    const again = await tryUnlockVault(storage, PASS, opts);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(await again.value.store.get('settings', 'theme')).toEqual(utf8('dark'));
  });

  it('unlocks with the same passphrase typed in another Unicode form (NFKC)', async () => {
    const { storage } = await fastVault(new MemoryStorage(), 'caf\u00e9 \uff11\uff12'); // é, full-width 12
    expect((await tryUnlockVault(storage, 'cafe\u0301 12', opts)).ok).toBe(true);
    expect((await tryUnlockVault(storage, 'cafe 12', opts)).ok).toBe(false);
  });

  it('refuses to create over an existing vault', async () => {
    expect(await hasVault(new MemoryStorage())).toBe(false);
    const { storage, header } = await fastVault();
    expect(await hasVault(storage)).toBe(true);
    const res = await createVault(storage, 'other', { ...opts, params: FAST });
    expect(res.ok ? 'created' : res.error).toBe('vault_exists');
    expect(storage.raw('vault').get('header')).toEqual(header);
  });

  it('refuses to create below the floor or above the cap', async () => {
    const below = await createVault(new MemoryStorage(), PASS, { kdf: argon2idKdf, params: FAST });
    expect(below.ok ? 'created' : below.error).toBe('params_below_floor');
    const above = await createVault(new MemoryStorage(), PASS, {
      ...opts,
      params: { opslimit: 5, memlimit: 8192 },
    });
    expect(above.ok ? 'created' : above.error).toBe('params_above_cap');
  });

  it('re-wraps the same VDK under a new passphrase in its own slot; old passphrase stops working', async () => {
    const { storage, vault, header } = await fastVault();
    await vault.store.put('secrets', 'k', utf8('v'));
    const { throttle } = recordingThrottle();
    const res = await rewrapVault(vault, {
      ...opts,
      throttle,
      currentPassphrase: PASS,
      newPassphrase: 'new pass',
    });
    expect(res.ok).toBe(true);
    const newHeader = storage.raw('vault').get('header')!;
    expect(newHeader).not.toEqual(header);
    // salt, params and the other slot are shared with a possible second vault: kept byte for byte
    const other = HEADER_PREFIX_BYTES + (1 - vault.slot) * SLOT_BYTES;
    expect(newHeader.subarray(0, HEADER_PREFIX_BYTES)).toEqual(
      header.subarray(0, HEADER_PREFIX_BYTES),
    );
    expect(newHeader.subarray(other, other + SLOT_BYTES)).toEqual(
      header.subarray(other, other + SLOT_BYTES),
    );
    // one atomic write of the header only
    expect(storage.calls).toHaveLength(2); // the row put above + the header write
    expect(storage.calls[1]).toMatchObject({
      kind: 'write',
      ops: [{ table: 'vault', id: 'header' }],
    });
    expect((await tryUnlockVault(storage, PASS, opts)).ok).toBe(false);
    const reopened = await tryUnlockVault(storage, 'new pass', opts);
    expect(reopened.ok && (await reopened.value.store.get('secrets', 'k'))).toEqual(utf8('v'));
  });

  it('re-wrap refuses new params (shared by both slots) and writes nothing', async () => {
    const { storage, vault } = await fastVault();
    const { throttle } = recordingThrottle();
    const res = await rewrapVault(vault, {
      ...opts,
      throttle,
      currentPassphrase: PASS,
      params: { opslimit: 2, memlimit: 16384 },
    });
    expect(res).toEqual({ ok: false, error: 'params_shared' });
    expect(storage.mutations()).toBe(0);
  });

  it('re-wrap with a wrong current passphrase fails generically and writes nothing', async () => {
    const { storage, vault, header } = await fastVault();
    const { throttle } = recordingThrottle();
    const res = await rewrapVault(vault, {
      ...opts,
      throttle,
      currentPassphrase: 'wrong',
      newPassphrase: 'attacker',
    });
    expect(res).toEqual({ ok: false, error: 'unlock_failed' });
    expect(storage.mutations()).toBe(0);
    expect(storage.raw('vault').get('header')).toEqual(header);
    expect(throttle.failures).toBe(1);
  });

  it('re-wrap of a locked vault is refused', async () => {
    const { storage, vault } = await fastVault();
    vault.lock();
    const res = await rewrapVault(vault, { ...opts, currentPassphrase: PASS });
    expect(res).toEqual({ ok: false, error: 'locked' });
    expect(storage.mutations()).toBe(0);
  });
});

describe('refusals (no state change)', () => {
  it('wrong passphrase', async () => {
    const { storage } = await fastVault();
    await expectRefused(storage, 'incorrect horse', 'unwrap_failed');
  });

  it('every single byte flipped in the prefix or the own slot (0xff and 0x01 masks) is refused', async () => {
    const { storage, header, vault } = await fastVault();
    expect(header.length).toBe(VAULT_HEADER_BYTES);
    // The other slot is random bytes nobody can check: flipping it must change nothing.
    const other = HEADER_PREFIX_BYTES + (1 - vault.slot) * SLOT_BYTES;
    for (let i = 0; i < header.length; i++) {
      if (i >= other && i < other + SLOT_BYTES) continue;
      for (const mask of [0xff, 0x01]) {
        const t = header.slice();
        t[i] = (t[i] ?? 0) ^ mask;
        plant(storage, t);
        const res = await tryUnlockVault(storage, PASS, opts);
        expect(res.ok, `byte ${i} mask ${mask}`).toBe(false);
        expect(storage.mutations()).toBe(0);
        expect(storage.raw('vault').get('header')).toEqual(t);
      }
    }
    plant(storage, header);
    expect((await tryUnlockVault(storage, PASS, opts)).ok).toBe(true); // the loop tested flips, not a broken vault
  });

  it('truncated, extended, unknown version, unknown KDF', async () => {
    const { storage, header } = await fastVault();
    plant(storage, header.subarray(0, header.length - 1));
    await expectRefused(storage, PASS, 'header_size');
    plant(storage, concatBytes(header, new Uint8Array([0])));
    await expectRefused(storage, PASS, 'header_size');
    plant(storage, new Uint8Array(0));
    await expectRefused(storage, PASS, 'header_size');
    const v = header.slice();
    v[4] = 3;
    plant(storage, v);
    await expectRefused(storage, PASS, 'header_version');
    const k = header.slice();
    k[5] = 2;
    plant(storage, k);
    await expectRefused(storage, PASS, 'header_kdf');
    const m = header.slice();
    m[0] = 0x58;
    plant(storage, m);
    await expectRefused(storage, PASS, 'header_magic');
  });

  it('weaker params with a consistent re-wrap (ops 2 / 64 MiB) are refused by the floor before any KDF', async () => {
    // Build a fully valid header at ops 2 / 64 MiB for a known passphrase (~0.2 s derivation).
    const weak = { opslimit: 2, memlimit: 64 * 1024 * 1024 };
    const salt = new Uint8Array(16).fill(9);
    const prefix = encodeHeaderPrefix(weak, salt);
    const kek = await argon2idKdf(utf8(PASS), salt, weak.opslimit, weak.memlimit);
    const vdk = new Uint8Array(32).fill(5);
    const header = concatBytes(prefix, sealVaultSlot(kek, prefix, 0, vdk, 0), randomBytes(73));
    const storage = new MemoryStorage();
    plant(storage, header);

    const counted = countingKdf();
    const res = await tryUnlockVault(storage, PASS, { kdf: counted.kdf }); // production floor
    expect(res.ok ? 'opened' : res.error).toBe('params_below_floor');
    expect(counted.calls()).toBe(0);
    expect(storage.mutations()).toBe(0);
    // The same header opens when the floor is (test-)lowered: the refusal was the floor, not the MAC.
    const lowered = await tryUnlockVault(storage, PASS, { kdf: argon2idKdf, floor: TEST_FLOOR });
    expect(lowered.ok).toBe(true);
  });

  it('above-cap memlimit in a header is refused before any KDF (no huge allocation)', async () => {
    const { storage, header } = await fastVault();
    const t = header.slice();
    new DataView(t.buffer).setUint32(10, 0xffffffff, false);
    plant(storage, t);
    const counted = countingKdf();
    const res = await tryUnlockVault(storage, PASS, { ...opts, kdf: counted.kdf });
    expect(res.ok ? 'opened' : res.error).toBe('params_above_cap');
    expect(counted.calls()).toBe(0);
  });

  it('changed salt', async () => {
    const { storage, header } = await fastVault();
    const t = header.slice();
    t.set(new Uint8Array(16).fill(1), 14);
    plant(storage, t);
    await expectRefused(storage, PASS, 'unwrap_failed');
  });

  it('truncated wrapped key', async () => {
    const { storage, header } = await fastVault();
    plant(storage, header.subarray(0, header.length - 16));
    await expectRefused(storage, PASS, 'header_size');
  });

  it('all-zero KDF output is refused (and never used to wrap on create)', async () => {
    const { storage } = await fastVault();
    const zeros = () => Promise.resolve(new Uint8Array(32));
    const res = await tryUnlockVault(storage, PASS, { kdf: zeros, floor: TEST_FLOOR });
    expect(res.ok ? 'opened' : res.error).toBe('kdf_output_zero');
    const fresh = new MemoryStorage();
    const created = await createVault(fresh, PASS, { kdf: zeros, params: FAST, floor: TEST_FLOOR });
    expect(created.ok ? 'created' : created.error).toBe('kdf_output_zero');
    expect(fresh.mutations()).toBe(0);
  });

  it('a KDF that throws or returns the wrong size is refused', async () => {
    const { storage } = await fastVault();
    const boom = () => Promise.reject(new Error('worker died'));
    const r1 = await tryUnlockVault(storage, PASS, { kdf: boom, floor: TEST_FLOOR });
    expect(r1.ok ? 'opened' : r1.error).toBe('kdf_failed');
    const short = () => Promise.resolve(new Uint8Array(16).fill(1));
    const r2 = await tryUnlockVault(storage, PASS, { kdf: short, floor: TEST_FLOOR });
    expect(r2.ok ? 'opened' : r2.error).toBe('kdf_output_size');
  });

  it('a KDF that transfers (detaches) the passphrase buffer, as a worker does, still works', async () => {
    const { storage } = await fastVault();
    const transferring: typeof argon2idKdf = (pass, salt, ops, mem) => {
      const moved = structuredClone(pass, { transfer: [pass.buffer] });
      expect(pass.buffer.byteLength).toBe(0); // detached, like a postMessage transfer
      return argon2idKdf(moved, salt, ops, mem);
    };
    expect((await tryUnlockVault(storage, PASS, { kdf: transferring, floor: TEST_FLOOR })).ok).toBe(
      true,
    );
  });

  it('the UI sees one identical generic error for every kind of failure', async () => {
    const { storage, header, vault } = await fastVault();
    const { throttle } = recordingThrottle();
    const seen: unknown[] = [];
    seen.push(await openVault(storage, 'wrong', { ...opts, throttle }));
    const t = header.slice();
    const own = HEADER_PREFIX_BYTES + vault.slot * SLOT_BYTES + 10;
    t[own] = (t[own] ?? 0) ^ 1;
    plant(storage, t);
    seen.push(await openVault(storage, PASS, { ...opts, throttle }));
    plant(storage, header.subarray(3));
    seen.push(await openVault(storage, PASS, { ...opts, throttle }));
    seen.push(await openVault(new MemoryStorage(), PASS, { ...opts, throttle }));
    seen.push(
      await openVault(storage, PASS, { kdf: () => Promise.reject(new Error('x')), throttle }),
    );
    for (const s of seen) expect(s).toStrictEqual({ ok: false, error: 'unlock_failed' });
  });
});
