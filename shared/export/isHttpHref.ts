const MAX_HREF_LENGTH = 2048;

/**
 * The link rule of the editor (renderer/editor/isAllowedLinkHref) for pure code: an absolute
 * http: or https: URL with a host, no credentials, no whitespace or control characters.
 * javascript:, data:, file: and relative targets are never links in an export or an import.
 */
export function isHttpHref(href: unknown): href is string {
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
