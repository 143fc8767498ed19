import { fromHex } from '../crypto/bytes.ts';
import { ok, type Result } from '../util/result.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { checkWelcome } from './checkWelcome.ts';
import type { Welcome } from './Welcome.ts';
import { WELCOME_VARIANT } from './welcomeFormat.ts';

/**
 * Welcome body v1: variant u8 (1 member, 2 relay) || cellId (16) || joinerSignPk (32) ||
 * joinerBoxPk (32) || admitOpId (16) || epoch u32 || u16 n || n x (epoch u32 || secret (32)) ||
 * [member only: u32 m || m x (u32 len || roster op)] || u8 k || k x str16 rendezvous URL ||
 * u8 i || i x (u8 u || u x str16 URL || str16 username || str16 credential) || relayOnly u8.
 * str16 = u16 length || UTF-8; an empty username or credential means none.
 */
export function encodeWelcomeBody(welcome: Welcome): Result<Uint8Array, 'invalid_welcome'> {
  const checked = checkWelcome(welcome);
  if (!checked.ok) return checked;
  const w = new ByteWriter()
    .u8(WELCOME_VARIANT[welcome.variant])
    .bytes(welcome.cellId)
    .bytes(welcome.joinerSignPk)
    .bytes(welcome.joinerBoxPk)
    .bytes(fromHex(welcome.admitOpId) ?? new Uint8Array(0))
    .u32(welcome.epoch);
  const entries = welcome.variant === 'member' ? welcome.epochKeys : welcome.transportRoots;
  w.u16(entries.length);
  for (const e of entries) w.u32(e.epoch).bytes(e.key);
  if (welcome.variant === 'member') {
    w.u32(welcome.rosterOps.length);
    for (const op of welcome.rosterOps) w.u32(op.length).bytes(op);
  }
  const { rendezvousUrls, iceServers, relayOnly } = welcome.config;
  w.u8(rendezvousUrls.length);
  for (const url of rendezvousUrls) w.string16(url);
  w.u8(iceServers.length);
  for (const s of iceServers) {
    w.u8(s.urls.length);
    for (const url of s.urls) w.string16(url);
    w.string16(s.username ?? '').string16(s.credential ?? '');
  }
  w.u8(relayOnly ? 1 : 0);
  return ok(w.finish());
}
