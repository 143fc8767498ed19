import { err, ok, type Result } from '../util/result.ts';
import { validateRendezvousUrl, type RendezvousUrlError } from './validateRendezvousUrl.ts';

/** A loopback or literal address: a local test server, plain ws:// (there is no certificate). */
const LOCAL_HOST = /^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?::\d+)?(?:\/|$)/i;

/**
 * A rendezvous URL as typed in a server field, in canonical form (validateRendezvousUrl), with the
 * scheme added when it was left out: `127.0.0.1:4490` becomes `ws://127.0.0.1:4490` (literal
 * addresses and localhost), `signal.example.org` becomes `wss://signal.example.org` (a name: the
 * encrypted scheme). `corrected` says the form should show the change. Anything with some other
 * scheme (http://, https://) stays an error: it is another kind of server, not a typo.
 */
export function normaliseRendezvousUrl(
  typed: string,
): Result<{ readonly url: string; readonly corrected: boolean }, RendezvousUrlError> {
  const text = typed.trim();
  const valid = validateRendezvousUrl(text);
  if (valid.ok) return ok({ url: valid.value, corrected: valid.value !== text });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text === '') return valid;
  const withScheme = validateRendezvousUrl(`${LOCAL_HOST.test(text) ? 'ws' : 'wss'}://${text}`);
  return withScheme.ok ? ok({ url: withScheme.value, corrected: true }) : err(valid.error);
}
