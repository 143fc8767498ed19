import { deriveEpochSecrets, type EpochSecrets } from '../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../shared/crypto/randomBytes.ts';
import { sodium, sodiumReady } from '../shared/crypto/sodium.ts';
import { toHex, fromHex } from '../shared/crypto/bytes.ts';

/** An Ed25519 identity as the engine needs it (hex in JSON for child processes). */
export interface Keys {
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
}

export interface KeysHex {
  readonly signPk: string;
  readonly signSk: string;
}

/**
 * A cell for the bench, given out of band (fixed roster, one epoch key) rather than through
 * invites and a roster log: the benchmarks measure the document path, not governance.
 */
export interface BenchCell {
  readonly cellId: Uint8Array;
  readonly epochKey: Uint8Array;
  readonly secrets: EpochSecrets;
  readonly docId: Uint8Array;
}

export async function newKeys(): Promise<Keys> {
  await sodiumReady();
  const kp = sodium().crypto_sign_keypair();
  return { signPk: kp.publicKey, signSk: kp.privateKey };
}

export async function newBenchCell(): Promise<BenchCell> {
  await sodiumReady();
  const cellId = randomBytes(16);
  const epochKey = randomBytes(32);
  return {
    cellId,
    epochKey,
    secrets: deriveEpochSecrets(epochKey, cellId, 0),
    docId: randomBytes(16),
  };
}

export const keysToHex = (k: Keys): KeysHex => ({
  signPk: toHex(k.signPk),
  signSk: toHex(k.signSk),
});

export function hexBytes(s: unknown, what: string): Uint8Array {
  const b = typeof s === 'string' ? fromHex(s) : undefined;
  if (!b) throw new Error(`${what} must be hex`);
  return b;
}

export function keysFromHex(k: unknown): Keys {
  const o = (k ?? {}) as Record<string, unknown>;
  return { signPk: hexBytes(o['signPk'], 'signPk'), signSk: hexBytes(o['signSk'], 'signSk') };
}

/** The cell as JSON arguments for a child process. */
export function cellToArgs(cell: BenchCell): Record<string, string> {
  return { cellId: toHex(cell.cellId), epochKey: toHex(cell.epochKey), docId: toHex(cell.docId) };
}

export async function cellFromArgs(a: Readonly<Record<string, unknown>>): Promise<BenchCell> {
  await sodiumReady();
  const cellId = hexBytes(a['cellId'], 'cellId');
  const epochKey = hexBytes(a['epochKey'], 'epochKey');
  return {
    cellId,
    epochKey,
    secrets: deriveEpochSecrets(epochKey, cellId, 0),
    docId: hexBytes(a['docId'], 'docId'),
  };
}
