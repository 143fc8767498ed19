import { toHex } from '../crypto/bytes.ts';
import { CELL_ID_BYTES, EPOCH_KEY_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { ByteReader } from '../util/ByteReader.ts';
import { err, ok, type Result } from '../util/result.ts';
import { checkWelcome } from './checkWelcome.ts';
import { BOX_PUBLIC_BYTES } from './joinerSignatureMessage.ts';
import type { EpochSecretEntry, IceServer, Welcome } from './Welcome.ts';
import {
  ADMIT_OP_ID_BYTES,
  MAX_CONFIG_URLS,
  MAX_EPOCH_ENTRIES,
  MAX_ICE_CREDENTIAL_CHARS,
  MAX_ICE_SERVERS,
  MAX_ICE_URL_CHARS,
  MAX_ICE_URLS,
  MAX_ROSTER_OPS,
  MAX_ROSTER_OP_BYTES,
  WELCOME_VARIANT,
} from './welcomeFormat.ts';

/** Set when a count was refused by its cap (before anything was allocated or read for it). */
interface CapNote {
  over: boolean;
}

/**
 * `count` items read by `readOne`; undefined if the count is missing or above `max` (noted in
 * `caps`) or any item fails.
 */
function list<T>(
  caps: CapNote,
  count: number | undefined,
  max: number,
  readOne: () => T | undefined,
): T[] | undefined {
  if (count === undefined) return undefined;
  if (count > max) {
    caps.over = true;
    return undefined;
  }
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    const item = readOne();
    if (item === undefined) return undefined;
    out.push(item);
  }
  return out;
}

function readIceServer(r: ByteReader, caps: CapNote): IceServer | undefined {
  const urls = list(caps, r.u8(), MAX_ICE_URLS, () => r.string(2, MAX_ICE_URL_CHARS));
  const username = r.string(2, MAX_ICE_CREDENTIAL_CHARS);
  const credential = r.string(2, MAX_ICE_CREDENTIAL_CHARS);
  if (!urls || username === undefined || credential === undefined) return undefined;
  return {
    urls,
    ...(username === '' ? {} : { username }),
    ...(credential === '' ? {} : { credential }),
  };
}

function readEntry(r: ByteReader): EpochSecretEntry | undefined {
  const epoch = r.u32();
  const key = r.copy(EPOCH_KEY_BYTES);
  return epoch === undefined || !key ? undefined : { epoch, key };
}

function read(r: ByteReader): Result<Welcome, 'malformed'> {
  const caps: CapNote = { over: false };
  const variant = r.u8();
  if (variant !== WELCOME_VARIANT.member && variant !== WELCOME_VARIANT.relay)
    return err('malformed', 'unknown variant');
  const cellId = r.copy(CELL_ID_BYTES);
  const joinerSignPk = r.copy(SIGN_PUBLIC_BYTES);
  const joinerBoxPk = r.copy(BOX_PUBLIC_BYTES);
  const admitOpId = r.bytes(ADMIT_OP_ID_BYTES);
  const epoch = r.u32();
  const entries = list(caps, r.u16(), MAX_EPOCH_ENTRIES, () => readEntry(r));
  const rosterOps =
    variant === WELCOME_VARIANT.member
      ? list(caps, r.u32(), MAX_ROSTER_OPS, () => {
          const n = r.u32();
          return n === undefined || n > MAX_ROSTER_OP_BYTES ? undefined : r.copy(n);
        })
      : [];
  const rendezvousUrls = list(caps, r.u8(), MAX_CONFIG_URLS, () => r.string(2, MAX_ICE_URL_CHARS));
  const iceServers = list(caps, r.u8(), MAX_ICE_SERVERS, () => readIceServer(r, caps));
  const relayOnlyByte = r.u8();
  if (
    !cellId ||
    !joinerSignPk ||
    !joinerBoxPk ||
    !admitOpId ||
    epoch === undefined ||
    !entries ||
    !rosterOps ||
    !rendezvousUrls ||
    !iceServers ||
    relayOnlyByte === undefined
  )
    return err('malformed', caps.over ? 'count above cap' : 'truncated or not UTF-8');
  if (relayOnlyByte > 1) return err('malformed', 'relayOnly');
  if (r.remaining !== 0) return err('malformed', 'trailing bytes');
  const common = {
    cellId,
    joinerSignPk,
    joinerBoxPk,
    admitOpId: toHex(admitOpId),
    epoch,
    config: { rendezvousUrls, iceServers, relayOnly: relayOnlyByte === 1 },
  };
  return ok(
    variant === WELCOME_VARIANT.member
      ? { variant: 'member', ...common, epochKeys: entries, rosterOps }
      : { variant: 'relay', ...common, transportRoots: entries },
  );
}

/**
 * Strict inverse of encodeWelcomeBody: every count is capped before it is used, trailing bytes
 * are refused, and the result must pass checkWelcome.
 */
export function decodeWelcomeBody(body: Uint8Array): Result<Welcome, 'malformed'> {
  const welcome = read(new ByteReader(body));
  if (!welcome.ok) return welcome;
  const checked = checkWelcome(welcome.value);
  return checked.ok ? welcome : err('malformed', checked.detail);
}
