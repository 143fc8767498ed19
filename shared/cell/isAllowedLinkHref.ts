const MAX_HREF_LENGTH = 2048;

/**
 * Whether a link target may stay in a draft: an absolute http: or https: URL with a host, no
 * credentials, no whitespace or control characters. Everything else (javascript:, data:, file:,
 * relative paths, app-internal schemes) is refused, whether typed, pasted or sent by a peer. The
 * same rule decides what an exported or imported issue keeps as a link (shared/export).
 */
export function isAllowedLinkHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > MAX_HREF_LENGTH) return false;
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(href)) return false;
  if (!/^https?:\/\//i.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}
