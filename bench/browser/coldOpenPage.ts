/**
 * The browser half of scenario 4 (bench/scenarios/coldOpenBrowser.ts drives it): the replayed
 * document stored as the app stores it, in Chromium's real IndexedDB, and opened cold (each
 * measurement in a freshly loaded page). `window.quireBench` is the page's whole interface.
 */
import '../../renderer/zodJitless.ts';
import * as Y from 'yjs';
import { openDexieStorage } from '../../renderer/storage/DexieStorage.ts';
import { fromHex } from '../../shared/crypto/bytes.ts';
import { deriveEpochSecrets } from '../../shared/crypto/deriveEpochSecrets.ts';
import { sodiumReady } from '../../shared/crypto/sodium.ts';
import { CellSync } from '../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../shared/sync/fixedRoster.ts';
import { SealedSyncStore } from '../../shared/sync/SealedSyncStore.ts';
import { createBenchVault, unlockBenchVault } from '../benchVault.ts';
import { copyStore, fromSnapshot } from '../storeSnapshot.ts';

export interface ColdOpenArgs {
  readonly cellId: string;
  readonly epochKey: string;
  readonly docId: string;
  readonly signPk: string;
  readonly signSk: string;
}

const DB = 'quire-bench-cold-open';
const PLAIN_ROW = 'bench-plain-state';

const hex = (s: string): Uint8Array => {
  const b = fromHex(s);
  if (!b) throw new Error('bad hex');
  return b;
};

async function seed(args: ColdOpenArgs, snapshot: unknown, plainState: number[]): Promise<void> {
  await sodiumReady();
  const storage = await openDexieStorage({ name: DB });
  const vault = await createBenchVault(storage);
  await copyStore(await fromSnapshot(snapshot), new SealedSyncStore(vault.store, args.cellId));
  await storage.write([
    { op: 'put', table: 'snapshots', id: PLAIN_ROW, bytes: new Uint8Array(plainState) },
  ]);
  await storage.close();
}

/** CellSync.open over the sealed store until the text is readable (storage and vault untimed). */
async function openQuire(args: ColdOpenArgs): Promise<{ ms: number; length: number }> {
  await sodiumReady();
  const storage = await openDexieStorage({ name: DB });
  const vault = await unlockBenchVault(storage);
  const cellId = hex(args.cellId);
  const me = { signPk: hex(args.signPk), signSk: hex(args.signSk) };
  const secrets = deriveEpochSecrets(hex(args.epochKey), cellId, 0);
  const t0 = performance.now();
  const sync = await CellSync.open({
    cellId,
    me,
    epoch: 0,
    secretsFor: (e) => (e === 0 ? secrets : undefined),
    roster: fixedRoster([{ signPk: me.signPk, role: 'writer' }]),
    store: new SealedSyncStore(vault.store, args.cellId),
    signaling: [],
  });
  const length = sync.doc(hex(args.docId)).getText('t').length;
  const ms = performance.now() - t0;
  await sync.close();
  await storage.close();
  return { ms, length };
}

/** The same state as one row of the same database, applied to a fresh Y.Doc. */
async function openPlain(): Promise<{ ms: number; length: number }> {
  const storage = await openDexieStorage({ name: DB });
  const t0 = performance.now();
  const bytes = await storage.get('snapshots', PLAIN_ROW);
  const doc = new Y.Doc();
  if (bytes) Y.applyUpdate(doc, bytes);
  const length = doc.getText('t').length;
  const ms = performance.now() - t0;
  await storage.close();
  return { ms, length };
}

(window as unknown as { quireBench: unknown }).quireBench = { seed, openQuire, openPlain };
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
