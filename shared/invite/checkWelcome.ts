import { CELL_ID_BYTES, EPOCH_KEY_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import { BOX_PUBLIC_BYTES } from './joinerSignatureMessage.ts';
import { validateIceServer } from './validateIceServer.ts';
import { validateRendezvousUrl } from './validateRendezvousUrl.ts';
import type { CellConfig, EpochSecretEntry, Welcome } from './Welcome.ts';
import {
  ADMIT_OP_ID_BYTES,
  MAX_CONFIG_URLS,
  MAX_EPOCH_ENTRIES,
  MAX_ICE_SERVERS,
  MAX_ROSTER_OPS,
  MAX_ROSTER_OP_BYTES,
} from './welcomeFormat.ts';

const isU32 = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;

function checkEntries(entries: readonly EpochSecretEntry[], epoch: number): string | undefined {
  if (entries.length < 1 || entries.length > MAX_EPOCH_ENTRIES) return 'epoch secret count';
  let previous = -1;
  for (const e of entries) {
    if (!isU32(e.epoch) || e.epoch <= previous) return 'epochs must ascend';
    if (e.key.length !== EPOCH_KEY_BYTES) return 'epoch secret must be 32 bytes';
    previous = e.epoch;
  }
  return previous === epoch ? undefined : 'the last epoch secret must be the current epoch';
}

function checkConfig(config: CellConfig): string | undefined {
  const { rendezvousUrls, iceServers } = config;
  if (rendezvousUrls.length < 1 || rendezvousUrls.length > MAX_CONFIG_URLS)
    return 'rendezvous URL count';
  for (const url of rendezvousUrls) {
    const valid = validateRendezvousUrl(url);
    if (!valid.ok || valid.value !== url) return 'rendezvous URL not canonical';
  }
  if (iceServers.length > MAX_ICE_SERVERS) return 'ICE server count';
  if (!iceServers.every((s) => validateIceServer(s).ok)) return 'ICE server';
  return typeof config.relayOnly === 'boolean' ? undefined : 'relayOnly';
}

/**
 * The rules every welcome obeys, checked by the sealer before signing and by the opener after
 * decoding: fixed key sizes, caps, canonical URLs, epoch secrets ascending to the current epoch.
 */
export function checkWelcome(w: Welcome): Result<Welcome, 'invalid_welcome'> {
  if (w.cellId.length !== CELL_ID_BYTES) return err('invalid_welcome', 'cellId');
  if (w.joinerSignPk.length !== SIGN_PUBLIC_BYTES || w.joinerBoxPk.length !== BOX_PUBLIC_BYTES)
    return err('invalid_welcome', 'joiner keys');
  if (!new RegExp(`^[0-9a-f]{${2 * ADMIT_OP_ID_BYTES}}$`).test(w.admitOpId))
    return err('invalid_welcome', 'admitOpId');
  if (!isU32(w.epoch)) return err('invalid_welcome', 'epoch');
  const entries = w.variant === 'member' ? w.epochKeys : w.transportRoots;
  const problem = checkEntries(entries, w.epoch) ?? checkConfig(w.config);
  if (problem !== undefined) return err('invalid_welcome', problem);
  if (w.variant === 'member') {
    if (w.rosterOps.length > MAX_ROSTER_OPS) return err('invalid_welcome', 'roster op count');
    if (w.rosterOps.some((op) => op.length < 1 || op.length > MAX_ROSTER_OP_BYTES))
      return err('invalid_welcome', 'roster op size');
  }
  return ok(w);
}
