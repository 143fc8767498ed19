const MAX_URL_LENGTH = 2048;

/**
 * Same rule as electron/main/policy/isSafeExternalUrl.ts (the main process cannot share code
 * with the renderer); tests/unit/electron/isSafeExternalUrl.test.ts runs one table against both.
 * Only plain https: links, no credentials, no whitespace or control characters.
 */
export const isSafeExternalUrl = (url: string): boolean => {
  if (url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    url.slice(0, 8).toLowerCase() === 'https://' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
};
