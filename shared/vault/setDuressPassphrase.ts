import { bytesEqual, concatBytes } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import { err, ok, type Result } from '../util/result.ts';
import { deriveKek, type DeriveKekError } from './deriveKek.ts';
import { normalizePassphrase, type PassphraseError } from './normalizePassphrase.ts';
import { openVaultSlots } from './openVaultSlots.ts';
import { sealVaultSlot } from './sealVaultSlot.ts';
import { unwrapVdk, type UnlockOptions } from './unwrapVdk.ts';
import { defaultUnlockThrottle, type UnlockThrottle } from './UnlockThrottle.ts';
import { Vault, vaultKeysOf } from './Vault.ts';
import { writeVaultHeader } from './writeVaultHeader.ts';
import { SLOT_FLAG_DESTROY_OTHER, VAULT_VERSION, VDK_BYTES } from './vaultHeaderFormat.ts';

export interface DuressOptions extends UnlockOptions {
  /** Proves the person at the unlocked screen knows this vault's passphrase. */
  readonly currentPassphrase: string;
  readonly duressPassphrase: string;
  /** Typing the duress passphrase also overwrites this vault's slot with random bytes. */
  readonly destroyOnUse: boolean;
  readonly throttle?: UnlockThrottle;
}

export type DuressError =
  'locked' | 'unlock_failed' | 'storage_failed' | 'duress_same' | PassphraseError | DeriveKekError;

/**
 * Puts a NEW, empty decoy vault behind `duressPassphrase` in the header slot this vault does not
 * use (whatever was there: random bytes, or an earlier decoy whose rows then read as chaff), in
 * one header write. Returns the decoy unlocked so the caller can fill it (a decoy template) and
 * lock it. Nothing is written in this vault's own rows: they would show that a decoy was made.
 * The same salt and params as this vault's slot: an unlock still runs one derivation.
 * Refuses a duress passphrase that opens this vault ('duress_same'), after the derivation.
 */
export async function setDuressPassphrase(
  vault: Vault,
  options: DuressOptions,
): Promise<Result<Vault, DuressError>> {
  if (vault.locked) return err('locked');
  const duress = normalizePassphrase(options.duressPassphrase);
  if (!duress.ok) return duress;
  const throttle = options.throttle ?? defaultUnlockThrottle;
  const current = await throttle.run(async () => {
    const unwrapped = await unwrapVdk(vault.storage, options.currentPassphrase, options);
    if (!unwrapped.ok) return unwrapped;
    const { vdk, kek, header, slot } = unwrapped.value;
    kek.fill(0);
    const same = !vault.locked && bytesEqual(vdk, vaultKeysOf(vault).vdk());
    vdk.fill(0);
    return same && header.version === VAULT_VERSION ? ok({ header, slot }) : err('unwrap_failed');
  });
  if (!current.ok) {
    duress.value.fill(0);
    return err('unlock_failed');
  }
  const { header, slot } = current.value;
  const kek = await deriveKek(options.kdf, duress.value, header.salt, header.params);
  if (!kek.ok) return kek;
  const hit = openVaultSlots(kek.value, header);
  hit?.vdk.fill(0);
  if (hit?.slot === slot) {
    kek.value.fill(0);
    return err('duress_same');
  }
  if (vault.locked) {
    kek.value.fill(0);
    return err('locked');
  }
  const other = 1 - slot;
  const decoyVdk = randomBytes(VDK_BYTES);
  const flags = options.destroyOnUse ? SLOT_FLAG_DESTROY_OTHER : 0;
  const slots = header.slots.slice();
  slots[other] = sealVaultSlot(kek.value, header.prefix, other, decoyVdk, flags);
  const bytes = concatBytes(header.prefix, ...slots);
  const written = await writeVaultHeader(vault.storage, bytes, {
    kek: kek.value,
    slot: other,
    vdk: decoyVdk,
    floor: options.floor,
  });
  if (!written.ok) {
    decoyVdk.fill(0);
    return written;
  }
  return ok(
    new Vault(vault.storage, decoyVdk, {
      slot: other,
      chaff: options.chaff,
      chaffTarget: vault.chaffTarget,
    }),
  );
}
