import { toHex } from '../crypto/bytes.ts';
import { CELL_ID_BYTES, EPOCH_KEY_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import { ByteReader, DecodeError } from './ByteReader.ts';
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

/** Reads a count and refuses it above `max` before allocating anything for it. */
function count(n: number, max: number): number {
  if (n > max) throw new DecodeError('count above cap');
  return n;
}

function readIceServer(r: ByteReader): IceServer {
  const urls: string[] = [];
  for (let i = count(r.u8(), MAX_ICE_URLS); i > 0; i--) urls.push(r.string16(MAX_ICE_URL_CHARS));
  const username = r.string16(MAX_ICE_CREDENTIAL_CHARS);
  const credential = r.string16(MAX_ICE_CREDENTIAL_CHARS);
  return {
    urls,
    ...(username === '' ? {} : { username }),
    ...(credential === '' ? {} : { credential }),
  };
}

function read(r: ByteReader): Welcome {
  const variant = r.u8();
  if (variant !== WELCOME_VARIANT.member && variant !== WELCOME_VARIANT.relay)
    throw new DecodeError('unknown variant');
  const cellId = r.bytes(CELL_ID_BYTES);
  const joinerSignPk = r.bytes(SIGN_PUBLIC_BYTES);
  const joinerBoxPk = r.bytes(BOX_PUBLIC_BYTES);
  const admitOpId = toHex(r.bytes(ADMIT_OP_ID_BYTES));
  const epoch = r.u32();
  const entries: EpochSecretEntry[] = [];
  for (let i = count(r.u16(), MAX_EPOCH_ENTRIES); i > 0; i--)
    entries.push({ epoch: r.u32(), key: r.bytes(EPOCH_KEY_BYTES) });
  const rosterOps: Uint8Array[] = [];
  if (variant === WELCOME_VARIANT.member)
    for (let i = count(r.u32(), MAX_ROSTER_OPS); i > 0; i--)
      rosterOps.push(r.bytes(count(r.u32(), MAX_ROSTER_OP_BYTES)));
  const rendezvousUrls: string[] = [];
  for (let i = count(r.u8(), MAX_CONFIG_URLS); i > 0; i--)
    rendezvousUrls.push(r.string16(MAX_ICE_URL_CHARS));
  const iceServers: IceServer[] = [];
  for (let i = count(r.u8(), MAX_ICE_SERVERS); i > 0; i--) iceServers.push(readIceServer(r));
  const relayOnlyByte = r.u8();
  if (relayOnlyByte > 1) throw new DecodeError('relayOnly');
  r.end();
  const common = {
    cellId,
    joinerSignPk,
    joinerBoxPk,
    admitOpId,
    epoch,
    config: { rendezvousUrls, iceServers, relayOnly: relayOnlyByte === 1 },
  };
  return variant === WELCOME_VARIANT.member
    ? { variant: 'member', ...common, epochKeys: entries, rosterOps }
    : { variant: 'relay', ...common, transportRoots: entries };
}

/**
 * Strict inverse of encodeWelcomeBody: every count is capped before it is used, trailing bytes
 * are refused, and the result must pass checkWelcome.
 */
export function decodeWelcomeBody(body: Uint8Array): Result<Welcome, 'malformed'> {
  let welcome: Welcome;
  try {
    welcome = read(new ByteReader(body));
  } catch (e) {
    if (e instanceof DecodeError) return err('malformed', e.message);
    throw e;
  }
  const checked = checkWelcome(welcome);
  return checked.ok ? ok(welcome) : err('malformed', checked.detail);
}
