/** The app's own origin: the UI is served only from app://quire/ (see registerAppProtocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'quire';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of the app origin exactly: scheme, host, no port, no credentials. */
export const isAppUrl = (url: string): boolean => {
  if (url.length > 4096 || !url.startsWith(`${APP_ORIGIN}/`)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
};
