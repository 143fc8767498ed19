import { beforeAll, describe, expect, it } from 'vitest';
import { aeadSeal } from '../../../shared/crypto/aeadSeal.ts';
import { concatBytes, utf8 } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { setDuressPassphrase } from '../../../shared/vault/setDuressPassphrase.ts';
import { tryUnlockVault } from '../../../shared/vault/tryUnlockVault.ts';
import {
  encodeHeaderPrefix,
  headerWrapAd,
  HEADER_PREFIX_BYTES,
  SLOT_BYTES,
  VAULT_HEADER_BYTES,
  VAULT_VERSION_V1,
} from '../../../shared/vault/vaultHeaderFormat.ts';
import { NO_CHAFF } from '../../../shared/vault/writeChaff.ts';
import { MemoryStorage } from './memoryStorage.ts';
import {
  countingKdf,
  FAST,
  fastVault,
  PASS,
  recordingThrottle,
  TEST_FLOOR,
} from './vaultFixture.ts';

const opts = { kdf: argon2idKdf, floor: TEST_FLOOR, chaff: NO_CHAFF };
const DURESS = 'reading club on thursdays';

beforeAll(async () => {
  await sodiumReady();
});

async function withDecoy(destroyOnUse: boolean) {
  const made = await fastVault();
  await made.vault.store.put('secrets', 'real', utf8('the real cell'));
  const { throttle } = recordingThrottle();
  const decoy = await setDuressPassphrase(made.vault, {
    ...opts,
    throttle,
    currentPassphrase: PASS,
    duressPassphrase: DURESS,
    destroyOnUse,
  });
  if (!decoy.ok) throw new Error(decoy.error);
  await decoy.value.store.put('secrets', 'club', utf8('reading club'));
  decoy.value.lock();
  made.vault.lock();
  return made;
}

describe('duress passphrase', () => {
  it('opens the decoy, which sees none of the real rows; the real passphrase still opens the real vault', async () => {
    const { storage } = await withDecoy(false);
    const header = storage.raw('vault').get('header')!;
    expect(header.length).toBe(VAULT_HEADER_BYTES);
    const decoy = await tryUnlockVault(storage, DURESS, opts);
    if (!decoy.ok) throw new Error(decoy.error);
    expect(await decoy.value.store.get('secrets', 'real')).toBeUndefined();
    expect((await decoy.value.store.scan('secrets')).map((e) => e.key)).toEqual(['club']);
    expect(decoy.value.store.stats()).toEqual({ quarantined: 0, unaccounted: 1 });
    const real = await tryUnlockVault(storage, PASS, opts);
    if (!real.ok) throw new Error(real.error);
    expect((await real.value.store.scan('secrets')).map((e) => e.key)).toEqual(['real']);
    // Unlocking (either passphrase) wrote nothing: the header is byte-identical.
    expect(storage.raw('vault').get('header')).toEqual(header);
  });

  it('runs one key derivation per unlock, whichever slot opens (or none)', async () => {
    const { storage } = await withDecoy(false);
    for (const pass of [PASS, DURESS, 'wrong']) {
      const counted = countingKdf();
      await tryUnlockVault(storage, pass, { ...opts, kdf: counted.kdf });
      expect(counted.calls(), pass).toBe(1);
    }
  });

  it('with destroy-on-use, the duress unlock overwrites the real slot; the header keeps its shape', async () => {
    const { storage, vault } = await withDecoy(true);
    const before = storage.raw('vault').get('header')!.slice();
    const decoy = await tryUnlockVault(storage, DURESS, opts);
    expect(decoy.ok).toBe(true);
    const after = storage.raw('vault').get('header')!;
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, HEADER_PREFIX_BYTES)).toEqual(before.subarray(0, HEADER_PREFIX_BYTES));
    const realAt = HEADER_PREFIX_BYTES + vault.slot * SLOT_BYTES;
    expect(after.subarray(realAt, realAt + SLOT_BYTES)).not.toEqual(
      before.subarray(realAt, realAt + SLOT_BYTES),
    );
    expect((await tryUnlockVault(storage, PASS, opts)).ok).toBe(false);
    // The flag is cleared: the decoy opens again without writing anything.
    storage.calls.length = 0;
    expect((await tryUnlockVault(storage, DURESS, opts)).ok).toBe(true);
    expect(storage.mutations()).toBe(0);
  });

  it('refuses a duress passphrase equal to the real one, and a wrong current passphrase', async () => {
    const { storage, vault } = await fastVault();
    const { throttle } = recordingThrottle();
    const header = storage.raw('vault').get('header')!.slice();
    const same = await setDuressPassphrase(vault, {
      ...opts,
      throttle,
      currentPassphrase: PASS,
      duressPassphrase: PASS,
      destroyOnUse: false,
    });
    expect(same.ok ? 'set' : same.error).toBe('duress_same');
    const wrong = await setDuressPassphrase(vault, {
      ...opts,
      throttle,
      currentPassphrase: 'not it',
      duressPassphrase: DURESS,
      destroyOnUse: false,
    });
    expect(wrong.ok ? 'set' : wrong.error).toBe('unlock_failed');
    expect(storage.mutations()).toBe(0);
    expect(storage.raw('vault').get('header')).toEqual(header);
  });

  it('a new duress passphrase replaces the old decoy; the real vault is untouched', async () => {
    const { storage } = await withDecoy(false);
    const real = await tryUnlockVault(storage, PASS, opts);
    if (!real.ok) throw new Error(real.error);
    const { throttle } = recordingThrottle();
    const again = await setDuressPassphrase(real.value, {
      ...opts,
      throttle,
      currentPassphrase: PASS,
      duressPassphrase: 'neighbourhood newsletter',
      destroyOnUse: false,
    });
    expect(again.ok).toBe(true);
    expect((await tryUnlockVault(storage, DURESS, opts)).ok).toBe(false);
    expect((await tryUnlockVault(storage, 'neighbourhood newsletter', opts)).ok).toBe(true);
    const back = await tryUnlockVault(storage, PASS, opts);
    expect(back.ok && (await back.value.store.get('secrets', 'real'))).toEqual(
      utf8('the real cell'),
    );
  });

  it('a v1 header opens and is rewritten once as v2 with the same salt and params', async () => {
    const salt = new Uint8Array(16).fill(7);
    const prefix = encodeHeaderPrefix(FAST, salt, VAULT_VERSION_V1);
    const kek = await argon2idKdf(utf8(PASS), salt, FAST.opslimit, FAST.memlimit);
    const vdk = new Uint8Array(32).fill(3);
    const storage = new MemoryStorage();
    storage
      .raw('vault')
      .set('header', concatBytes(prefix, aeadSeal(kek, vdk, headerWrapAd(prefix))));
    const opened = await tryUnlockVault(storage, PASS, opts);
    expect(opened.ok).toBe(true);
    const header = storage.raw('vault').get('header')!;
    expect(header.length).toBe(VAULT_HEADER_BYTES);
    expect(header[4]).toBe(2);
    expect(header.subarray(14, 30)).toEqual(salt);
    storage.calls.length = 0;
    expect((await tryUnlockVault(storage, PASS, opts)).ok).toBe(true);
    expect(storage.mutations()).toBe(0);
  });
});
