import { resolve, sep } from 'node:path';
import { APP_ORIGIN } from './appOrigin.ts';

const MAX_URL = 2048;
/** Only what a Vite build emits: letters, digits, `-`, `_`, `.`, `/`. No `%`, no `\`, no `:`. */
const SAFE_PATH = /^\/[A-Za-z0-9._\-/]*$/;
/** Names Windows maps to devices whatever the extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;

/**
 * Maps an app://quire/... request to a file under rootDir, or null. Rejects rather than
 * normalises anything suspicious: `..` anywhere, dot-ending or dotfile segments, any percent-encoding (so no encoded
 * traversal or NUL), backslashes, empty segments, dotfiles, other hosts, ports, credentials.
 */
export const resolveAppPath = (rootDir: string, requestUrl: string): string | null => {
  if (requestUrl.length > MAX_URL || requestUrl.includes('\0')) return null;
  if (!requestUrl.startsWith(`${APP_ORIGIN}/`)) return null;
  // The path ends at the query or fragment, which are ignored for static files.
  const rest = requestUrl.slice(APP_ORIGIN.length);
  const end = rest.search(/[?#]/);
  const path = end === -1 ? rest : rest.slice(0, end);
  if (!SAFE_PATH.test(path)) return null;
  const segments = path === '/' ? ['index.html'] : path.slice(1).split('/');
  for (const segment of segments) {
    // Windows drops trailing dots ("a." is "a"), so any `..` or final dot is refused too.
    if (
      segment === '' ||
      segment.startsWith('.') ||
      segment.endsWith('.') ||
      segment.includes('..') ||
      WINDOWS_DEVICE.test(segment)
    ) {
      return null;
    }
  }
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  // Belt and braces: whatever the segments were, the result must stay inside root.
  if (!file.startsWith(root + sep)) return null;
  return file;
};
