import { stat } from 'node:fs/promises';
import { loadKeyring, saveKeyring, type CellRecord } from '../../shared/runtime/Keyring.ts';
import { argon2idKdf } from '../../shared/vault/argon2idKdf.ts';
import { createVault } from '../../shared/vault/createVault.ts';
import { hasVault } from '../../shared/vault/hasVault.ts';
import { tryUnlockVault } from '../../shared/vault/tryUnlockVault.ts';
import type { Vault } from '../../shared/vault/Vault.ts';
import { ok, type Result } from '../../shared/util/result.ts';
import { openFileStorage, type FileStorage } from '../storage/FileStorage.ts';
import { StorageError } from '../../shared/storage/StorageError.ts';
import type { StorageReport } from '../../shared/storage/StorageReport.ts';
import type { CommandContext } from './CommandContext.ts';
import { failure, type CommandResult, type FailureKind } from './CommandResult.ts';
import { describeStoreReports, withStoreProblems } from './storeOutcome.ts';

/**
 * An unlocked `--home`: one FileStorage (the vault header and sealed rows, nothing in clear) and
 * the keyring of cell records in it. Every keyring write goes through one queue.
 */
export interface Home {
  readonly vault: Vault;
  records(): readonly CellRecord[];
  upsert(record: CellRecord): Promise<void>;
  /** What the store found wrong or could not write since it was opened (StorageReport.ts). */
  reports(): readonly StorageReport[];
  close(): Promise<void>;
}

type Opened = Result<FileStorage, FailureKind>;

async function openStorage(dir: string, mustExist: boolean): Promise<Opened> {
  if (mustExist) {
    const exists = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!exists) return failure('failed', `no vault in ${dir} (create one with quire init)`);
  }
  try {
    return ok(await openFileStorage(dir));
  } catch (e) {
    const code = e instanceof StorageError ? e.code : 'io';
    if (code === 'locked') return failure('failed', `${dir} is in use by another quire process`);
    if (code === 'foreign-file')
      return failure('failed', `${dir} holds files that are not a quire store`);
    if (code === 'full') return failure('failed', `cannot open ${dir}: disk full`);
    return failure('failed', `cannot open ${dir}`);
  }
}

/** `quire init`: a new vault at the Argon2id floor (~1 s per unlock), refusing to overwrite one. */
export async function createHome(
  dir: string,
  passphrase: string,
): Promise<Result<void, FailureKind>> {
  const opened = await openStorage(dir, false);
  if (!opened.ok) return opened;
  const storage = opened.value;
  let result: CommandResult;
  try {
    if (await hasVault(storage)) result = failure('failed', `a vault already exists in ${dir}`);
    else {
      const created = await createVault(storage, passphrase, { kdf: argon2idKdf });
      if (created.ok) created.value.lock();
      result = created.ok
        ? ok(undefined)
        : created.error.startsWith('passphrase_')
          ? failure('usage', 'QUIRE_PASSPHRASE is not a usable passphrase')
          : failure('failed', 'could not create the vault');
    }
  } finally {
    await storage.close();
  }
  return withStoreProblems(result, describeStoreReports(storage.reports(), dir).problems);
}

/** Opens and unlocks `--home`: exit 3 for a wrong passphrase, 1 for a missing or damaged vault. */
export async function openHome(
  dir: string,
  passphrase: string,
): Promise<Result<Home, FailureKind>> {
  const opened = await openStorage(dir, true);
  if (!opened.ok) return opened;
  const storage = opened.value;
  const fail = async (kind: FailureKind, message: string) => {
    await storage.close();
    // Damage found on open comes first: it may be why the vault or keyring cannot be read.
    const { problems } = describeStoreReports(storage.reports(), dir);
    return withStoreProblems(failure(kind, message), problems) as ReturnType<typeof failure>;
  };
  const unlocked = await tryUnlockVault(storage, passphrase, { kdf: argon2idKdf });
  if (!unlocked.ok) {
    const e = unlocked.error;
    if (e === 'no_vault') return fail('failed', `no vault in ${dir} (create one with quire init)`);
    if (e === 'unwrap_failed') return fail('denied', 'wrong passphrase');
    if (e.startsWith('passphrase_'))
      return fail('usage', 'QUIRE_PASSPHRASE is not a usable passphrase');
    return fail('failed', `the vault in ${dir} cannot be opened (${e})`);
  }
  const vault = unlocked.value;
  const loaded = await loadKeyring(vault.store);
  if (!loaded.ok) {
    vault.lock();
    return fail('failed', `the keyring in ${dir} is damaged; nothing was changed`);
  }
  let records: readonly CellRecord[] = loaded.value;
  let saving: Promise<void> = Promise.resolve();
  return ok({
    vault,
    records: () => records,
    reports: () => storage.reports(),
    upsert: (record) => {
      records = [...records.filter((r) => r.cellIdHex !== record.cellIdHex), record];
      const snapshot = records;
      saving = saving.then(() => saveKeyring(vault.store, snapshot));
      return saving;
    },
    close: async () => {
      await saving.catch(() => undefined);
      vault.lock();
      await storage.close();
    },
  });
}

/**
 * Runs `fn` with the unlocked home and always closes it (keyring flushed, store released).
 * Whatever the store reported meanwhile decides the outcome too: a write that was not made
 * durable, or damage found at rest, makes the command fail with that message first (exit 1)
 * even when `fn` succeeded; a torn tail (an interrupted, never acknowledged write) is a note.
 */
export async function withHome(
  dir: string,
  ctx: Pick<CommandContext, 'passphrase' | 'io'>,
  fn: (home: Home) => Promise<CommandResult>,
): Promise<CommandResult> {
  const opened = await openHome(dir, ctx.passphrase);
  if (!opened.ok) return opened;
  const home = opened.value;
  let result: CommandResult;
  try {
    result = await fn(home);
  } catch (e) {
    result = failure('failed', `unexpected error: ${e instanceof Error ? e.message : 'unknown'}`);
  } finally {
    await home.close();
  }
  const { problems, notes } = describeStoreReports(home.reports(), dir);
  for (const note of notes) ctx.io.err(`quire: ${note}`);
  return withStoreProblems(result, problems);
}
