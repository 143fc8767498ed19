import { err, ok, type Result } from '../util/result.ts';
import type { IceServer } from './Welcome.ts';
import { MAX_ICE_CREDENTIAL_CHARS, MAX_ICE_URL_CHARS, MAX_ICE_URLS } from './welcomeFormat.ts';

// RFC 7064/7065 shapes: scheme, host (name, IPv4 or [IPv6]), optional port, TURN's ?transport=.
const ICE_URL =
  /^(?:stun|stuns|turn|turns):(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::[1-9]\d{0,4})?(?:\?transport=(?:udp|tcp))?$/i;
const PRINTABLE = /^[\x21-\x7e]+$/;

/** An ICE server from a welcome or the cell settings: STUN/TURN URLs only, printable credentials. */
export function validateIceServer(server: IceServer): Result<IceServer, 'invalid_ice_server'> {
  const { urls, username, credential } = server;
  if (urls.length < 1 || urls.length > MAX_ICE_URLS)
    return err('invalid_ice_server', `1 to ${MAX_ICE_URLS} URLs`);
  for (const url of urls)
    if (url.length > MAX_ICE_URL_CHARS || !ICE_URL.test(url))
      return err('invalid_ice_server', 'bad URL');
  for (const s of [username, credential])
    if (s !== undefined && (s.length > MAX_ICE_CREDENTIAL_CHARS || !PRINTABLE.test(s)))
      return err('invalid_ice_server', 'bad username or credential');
  return ok(server);
}
