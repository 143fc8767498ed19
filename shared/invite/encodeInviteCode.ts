import { concatBytes, utf8 } from '../crypto/bytes.ts';
import { err, ok, type Result } from '../util/result.ts';
import { BECH32_ALPHABET, bech32mChecksum } from './bech32mChecksum.ts';
import { convertBits } from './convertBits.ts';
import type { InviteCode } from './InviteCode.ts';
import {
  CODE_GROUP_SIZE,
  INVITE_CODE_HRP,
  INVITE_CODE_PREFIX,
  INVITE_CODE_VERSION,
  INVITE_COMMITMENT_BYTES,
  INVITE_EXPIRY_UNIT_MS,
  INVITE_SECRET_BYTES,
  MAX_CODE_URLS,
  MAX_INVITE_EXPIRY_MINUTES,
  MIN_INVITE_EXPIRY_MINUTES,
} from './inviteCodeFormat.ts';
import { validateRendezvousUrl } from './validateRendezvousUrl.ts';

/**
 * The text form of an invite: "QUIRE1-XXXXX-XXXXX-..." (upper case, so that it also fits a QR
 * code's compact alphanumeric mode). `expiresAt` (ms) is rounded up to a whole minute, so the
 * joiner never sees an earlier end than the roster's. Refuses a secret or commitment of the wrong
 * size, an expiry outside 2024-01-01..2100-01-01, and any URL that validateRendezvousUrl refuses.
 */
export function encodeInviteCode(
  code: Omit<InviteCode, 'version'>,
): Result<string, 'invalid_argument'> {
  if (code.secret.length !== INVITE_SECRET_BYTES)
    return err('invalid_argument', 'secret must be 32 bytes');
  if (code.commitment.length !== INVITE_COMMITMENT_BYTES)
    return err('invalid_argument', 'commitment must be 16 bytes');
  const minutes = Math.ceil(code.expiresAt / INVITE_EXPIRY_UNIT_MS);
  if (
    !Number.isFinite(minutes) ||
    minutes < MIN_INVITE_EXPIRY_MINUTES ||
    minutes > MAX_INVITE_EXPIRY_MINUTES
  )
    return err('invalid_argument', 'expiry must be between 2024-01-01 and 2100-01-01');
  const expiry = new Uint8Array(4);
  new DataView(expiry.buffer).setUint32(0, minutes, false);
  const urls = code.rendezvousUrls;
  if (urls.length < 1 || urls.length > MAX_CODE_URLS)
    return err('invalid_argument', `1 to ${MAX_CODE_URLS} rendezvous URLs`);
  const entries: Uint8Array[] = [];
  for (const url of urls) {
    const valid = validateRendezvousUrl(url);
    if (!valid.ok) return err('invalid_argument', `rendezvous URL: ${valid.error}`);
    const secure = valid.value.startsWith('wss://');
    const rest = utf8(valid.value.slice(secure ? 6 : 5));
    entries.push(new Uint8Array([(secure ? 0x80 : 0) | rest.length]), rest);
  }
  const payload = concatBytes(code.secret, code.commitment, expiry, ...entries);
  const data = [INVITE_CODE_VERSION, ...(convertBits(payload, 8, 5, true) ?? [])];
  const symbols = [...data, ...bech32mChecksum(INVITE_CODE_HRP, data)];
  const chars = symbols.map((v) => BECH32_ALPHABET[v] ?? '').join('');
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += CODE_GROUP_SIZE)
    groups.push(chars.slice(i, i + CODE_GROUP_SIZE));
  return ok([INVITE_CODE_PREFIX, ...groups].join('-').toUpperCase());
}
