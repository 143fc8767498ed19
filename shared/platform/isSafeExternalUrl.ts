import { MAX_URL_LENGTH } from './ipcContract.ts';

/**
 * Only plain https: links leave the app: no other scheme (file:, smb:, custom handlers can run
 * code), no credentials (`https://bank@evil` phishing), no whitespace or control characters.
 * One rule for the main process and the renderer.
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
