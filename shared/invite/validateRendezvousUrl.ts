import { err, ok, type Result } from '../util/result.ts';
import { MAX_URL_REST_BYTES } from './inviteCodeFormat.ts';

export type RendezvousUrlError =
  'bad_scheme' | 'credentials' | 'too_long' | 'bad_host' | 'bad_port' | 'bad_path';

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/;
const PORT = /^[1-9]\d{0,4}$/;
// Unreserved characters, "/" and well-formed %XX only: no query, fragment, "@", quote or space.
const PATH = /^(?:\/(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*)*$/;

function validHost(host: string): boolean {
  if (IPV6.test(host)) return (host.match(/:/g)?.length ?? 0) >= 2;
  if (IPV4.test(host)) return true;
  // A name with only digits and dots that is not a valid IPv4 address is a typo, not a host.
  if (/^[\d.]+$/.test(host)) return false;
  return host.length <= 253 && host.split('.').every((l) => DNS_LABEL.test(l));
}

/**
 * A rendezvous (signaling) URL as Quire accepts it: ws:// or wss:// only, no user:password@, a DNS
 * name, IPv4 or bracketed IPv6 host, an optional port 1-65535, an optional plain path, at most
 * 127 characters after the scheme. Returns the canonical form (lower-case scheme and host), so
 * equal URLs compare equal.
 */
export function validateRendezvousUrl(url: string): Result<string, RendezvousUrlError> {
  if (url.length > MAX_URL_REST_BYTES + 6) return err('too_long');
  const match = /^(wss?):\/\/(.*)$/i.exec(url);
  if (!match) return err('bad_scheme');
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  if (rest.length === 0 || rest.length > MAX_URL_REST_BYTES) return err('too_long');
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  if (authority.includes('@')) return err('credentials');
  const portMatch = /^(.*?)(?::([^:\]]*))?$/.exec(authority);
  const host = (portMatch?.[1] ?? '').toLowerCase();
  const port = portMatch?.[2];
  if (!validHost(host)) return err('bad_host');
  if (port !== undefined && (!PORT.test(port) || Number(port) > 65535)) return err('bad_port');
  if (!PATH.test(path)) return err('bad_path');
  return ok(`${scheme}://${host}${port === undefined ? '' : `:${port}`}${path}`);
}
