import { ByteReader } from '../util/ByteReader.ts';
import { err, ok, type Result } from '../util/result.ts';
import { BECH32_ALPHABET, bech32mVerify } from './bech32mChecksum.ts';
import { convertBits } from './convertBits.ts';
import type { InviteCode, InviteCodeError } from './InviteCode.ts';
import {
  CHECKSUM_SYMBOLS,
  INVITE_CODE_HRP,
  INVITE_CODE_VERSION,
  INVITE_COMMITMENT_BYTES,
  INVITE_EXPIRY_UNIT_MS,
  INVITE_SECRET_BYTES,
  MAX_CODE_URLS,
  MAX_INVITE_CODE_INPUT_CHARS,
  MAX_INVITE_EXPIRY_MINUTES,
  MIN_INVITE_EXPIRY_MINUTES,
  OUTDATED_INVITE_CODE_VERSIONS,
} from './inviteCodeFormat.ts';
import { normalizeInviteCodeText } from './normalizeInviteCodeText.ts';
import { validateRendezvousUrl } from './validateRendezvousUrl.ts';

const PREFIX = `${INVITE_CODE_HRP}1`;
// 11 symbols of expanded hrp + data must stay within the code's natural length of 1023.
const MAX_DATA_SYMBOLS = 1023 - (2 * INVITE_CODE_HRP.length + 1);

/** One "header || host[:port][/path]" entry, as a canonical URL; undefined if it is not one. */
function readUrl(r: ByteReader): string | undefined {
  const header = r.u8();
  const length = (header ?? 0) & 0x7f;
  const restBytes = length === 0 ? undefined : r.bytes(length);
  // Printable ASCII only: the URL grammar allows nothing else, and this keeps decoding exact.
  if (header === undefined || !restBytes || restBytes.some((c) => c < 0x21 || c > 0x7e))
    return undefined;
  const url = `${header & 0x80 ? 'wss' : 'ws'}://${String.fromCharCode(...restBytes)}`;
  const valid = validateRendezvousUrl(url);
  return valid.ok && valid.value === url ? url : undefined;
}

function parsePayload(payload: Uint8Array): Result<InviteCode, 'malformed'> {
  const r = new ByteReader(payload);
  const secret = r.copy(INVITE_SECRET_BYTES);
  const commitment = r.copy(INVITE_COMMITMENT_BYTES);
  const minutes = r.u32();
  if (!secret || !commitment || minutes === undefined || r.remaining === 0)
    return err('malformed', 'payload too short');
  if (minutes < MIN_INVITE_EXPIRY_MINUTES || minutes > MAX_INVITE_EXPIRY_MINUTES)
    return err('malformed', 'expiry outside 2024-01-01..2100-01-01');
  const urls: string[] = [];
  while (r.remaining > 0) {
    if (urls.length === MAX_CODE_URLS) return err('malformed', 'too many URLs');
    const url = readUrl(r);
    if (url === undefined) return err('malformed', 'bad URL entry');
    urls.push(url);
  }
  const expiresAt = minutes * INVITE_EXPIRY_UNIT_MS;
  return ok({ version: INVITE_CODE_VERSION, secret, commitment, expiresAt, rendezvousUrls: urls });
}

/**
 * Reads a pasted or typed code. Tolerates case, whitespace, line breaks and missing or extra
 * dashes; refuses oversize input before looking at it. The checksum is checked before the version
 * so that a typo is reported as a typo, and the payload is parsed only after both.
 */
export function parseInviteCode(text: string): Result<InviteCode, InviteCodeError> {
  if (text.length > MAX_INVITE_CODE_INPUT_CHARS) return err('malformed', 'input too long');
  const bare = normalizeInviteCodeText(text);
  if (!bare.startsWith(PREFIX)) return err('not_a_quire_code');
  const chars = bare.slice(PREFIX.length);
  const symbols: number[] = [];
  for (const c of chars) {
    const v = BECH32_ALPHABET.indexOf(c);
    if (v === -1) return err('checksum_mismatch', `invalid character ${JSON.stringify(c)}`);
    symbols.push(v);
  }
  if (symbols.length < 1 + CHECKSUM_SYMBOLS) return err('malformed', 'too short');
  if (symbols.length > MAX_DATA_SYMBOLS) return err('malformed', 'too long');
  if (!bech32mVerify(INVITE_CODE_HRP, symbols)) return err('checksum_mismatch');
  const version = symbols[0] ?? 0;
  if (OUTDATED_INVITE_CODE_VERSIONS.includes(version))
    return err('outdated_version', `version ${String(version)}`);
  if (version !== INVITE_CODE_VERSION)
    return err('unsupported_version', `version ${String(version)}`);
  const payload = convertBits(symbols.slice(1, -CHECKSUM_SYMBOLS), 5, 8, false);
  if (!payload) return err('malformed', 'bad bit padding');
  return parsePayload(new Uint8Array(payload));
}
