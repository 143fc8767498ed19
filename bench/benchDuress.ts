/**
 * Issue 15: a duress unlock takes the same time as a normal one. Real floor parameters (3 passes,
 * 256 MiB), the node file store; normal, duress and wrong-passphrase unlocks interleaved, ROUNDS
 * of each; prints the medians and the duress/normal ratio. Not part of `npm run bench` (about a
 * minute on 2 cores): `node --import tsx bench/benchDuress.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openFileStorage } from '../node/storage/FileStorage.ts';
import { concatBytes } from '../shared/crypto/bytes.ts';
import { randomBytes } from '../shared/crypto/randomBytes.ts';
import { argon2idKdf } from '../shared/vault/argon2idKdf.ts';
import { KDF_FLOOR } from '../shared/vault/kdfParams.ts';
import { openVaultSlots } from '../shared/vault/openVaultSlots.ts';
import { parseVaultHeader } from '../shared/vault/parseVaultHeader.ts';
import { sealVaultSlot } from '../shared/vault/sealVaultSlot.ts';
import { encodeHeaderPrefix, SALT_BYTES } from '../shared/vault/vaultHeaderFormat.ts';
import { createVault } from '../shared/vault/createVault.ts';
import { setDuressPassphrase } from '../shared/vault/setDuressPassphrase.ts';
import { tryUnlockVault } from '../shared/vault/tryUnlockVault.ts';
import { UnlockThrottle } from '../shared/vault/UnlockThrottle.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const REAL = 'velvet tundra mosaic quarrel orbit lantern';
const DURESS = 'thursday tea and biscuits at the library';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** The part after the KDF: trying a KEK against both slots, for slot 0, slot 1 and no slot. */
function slotMicrobench(): void {
  const prefix = encodeHeaderPrefix(KDF_FLOOR, randomBytes(SALT_BYTES));
  const keks = [randomBytes(32), randomBytes(32), randomBytes(32)];
  const header = parseVaultHeader(
    concatBytes(
      prefix,
      sealVaultSlot(keks[0]!, prefix, 0, randomBytes(32), 0),
      sealVaultSlot(keks[1]!, prefix, 1, randomBytes(32), 0),
    ),
  );
  if (!header.ok) throw new Error(header.error);
  const N = 20_000;
  const per: number[] = [];
  for (const kek of keks) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) openVaultSlots(kek, header.value)?.vdk.fill(0);
    per.push(((performance.now() - t0) / N) * 1000);
  }
  console.log(
    `openVaultSlots per call: slot 0 ${per[0]!.toFixed(1)} µs, slot 1 ${per[1]!.toFixed(1)} µs, none ${per[2]!.toFixed(1)} µs`,
  );
}

const dir = await mkdtemp(join(tmpdir(), 'quire-bench-duress-'));
try {
  const storage = await openFileStorage(dir);
  const created = await createVault(storage, REAL, { kdf: argon2idKdf });
  if (!created.ok) throw new Error(created.error);
  const decoy = await setDuressPassphrase(created.value, {
    kdf: argon2idKdf,
    currentPassphrase: REAL,
    duressPassphrase: DURESS,
    destroyOnUse: false,
    throttle: new UnlockThrottle(() => Promise.resolve()),
  });
  if (!decoy.ok) throw new Error(decoy.error);
  decoy.value.lock();
  created.value.lock();
  const times: Record<string, number[]> = { normal: [], duress: [], wrong: [] };
  const pass: Record<string, string> = { normal: REAL, duress: DURESS, wrong: 'not it at all' };
  for (let r = 0; r < ROUNDS; r++) {
    for (const kind of r % 2 === 0
      ? ['normal', 'duress', 'wrong']
      : ['wrong', 'duress', 'normal']) {
      const t0 = performance.now();
      const res = await tryUnlockVault(storage, pass[kind]!, { kdf: argon2idKdf });
      times[kind]!.push(performance.now() - t0);
      if (res.ok !== (kind !== 'wrong')) throw new Error(`${kind}: unexpected result`);
      if (res.ok) res.value.lock();
    }
  }
  await storage.close();
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  for (const [k, v] of Object.entries(times))
    console.log(
      `${k.padEnd(6)} median ${m[k]!.toFixed(0)} ms  (${v.map((x) => x.toFixed(0)).join(', ')})`,
    );
  console.log(`duress / normal = ${(m.duress! / m.normal!).toFixed(3)}`);
  slotMicrobench();
} finally {
  await rm(dir, { recursive: true, force: true });
}
