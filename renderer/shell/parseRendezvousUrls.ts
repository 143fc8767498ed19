import { validateRendezvousUrl } from '../../shared/invite/validateRendezvousUrl.ts';

/** More would only slow every connection attempt; an invite code carries at most a few. */
export const MAX_RENDEZVOUS_URLS = 8;
const MAX_INPUT_CHARS = 4096;

export type RendezvousUrlsResult =
  | { readonly ok: true; readonly urls: readonly string[] }
  | { readonly ok: false; readonly error: 'none' | 'too_many' | 'too_long' }
  | { readonly ok: false; readonly error: 'invalid'; readonly line: string };

/**
 * The rendezvous URLs typed in the new-cell form: one per line (or separated by spaces or
 * commas), each a ws:// or wss:// URL as validateRendezvousUrl accepts it, canonicalised and
 * de-duplicated. Never empty: a cell without its own rendezvous server cannot be created.
 */
export function parseRendezvousUrls(text: string): RendezvousUrlsResult {
  if (text.length > MAX_INPUT_CHARS) return { ok: false, error: 'too_long' };
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, error: 'none' };
  const urls: string[] = [];
  for (const part of parts) {
    const valid = validateRendezvousUrl(part);
    if (!valid.ok) return { ok: false, error: 'invalid', line: part.slice(0, 200) };
    if (!urls.includes(valid.value)) urls.push(valid.value);
  }
  if (urls.length > MAX_RENDEZVOUS_URLS) return { ok: false, error: 'too_many' };
  return { ok: true, urls };
}

/**
 * `?signal=` values of the page address that are valid rendezvous URLs, to prefill the form
 * (the e2e tests start their own server and pass it this way). Invalid ones are ignored.
 */
export function signalUrlsFromQuery(search: string): readonly string[] {
  const params = new URLSearchParams(search.slice(0, MAX_INPUT_CHARS));
  const urls: string[] = [];
  for (const value of params.getAll('signal').slice(0, MAX_RENDEZVOUS_URLS)) {
    const valid = validateRendezvousUrl(value);
    if (valid.ok && !urls.includes(valid.value)) urls.push(valid.value);
  }
  return urls;
}
