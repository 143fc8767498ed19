import { MAX_FILE_NAME_CHARS, type SaveKind } from './ipcContract.ts';

export const SAVE_EXTENSIONS: Readonly<Record<SaveKind, string>> = {
  pdf: 'pdf',
  html: 'html',
  markdown: 'md',
};

/** Device names Windows will not create a file under, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name safe on every desktop OS that ends in the extension its kind demands (a name that
 * already has it keeps it once; "issue.pdf.exe" becomes "issue.pdf.exe.pdf"), path separators, characters Windows
 * forbids, control and format characters (a right-to-left override could disguise the
 * extension) become '-', leading and trailing dots and spaces go, and the length is capped by
 * code points so no surrogate pair is cut.
 */
export function safeFileName(name: string, kind: SaveKind): string {
  const extension = SAVE_EXTENSIONS[kind];
  const cleaned = stripSuffix(name, `.${extension}`)
    .normalize('NFC')
    .replace(/[\p{C}/\\:*?"<>|]+/gu, '-')
    .replace(/^[\s.-]+|[\s.-]+$/gu, '');
  const base = Array.from(cleaned)
    .slice(0, MAX_FILE_NAME_CHARS - extension.length - 1)
    .join('')
    .replace(/[\s.-]+$/u, '');
  return `${base === '' || WINDOWS_RESERVED.test(base) ? 'issue' : base}.${extension}`;
}

const stripSuffix = (name: string, suffix: string): string =>
  name.toLowerCase().endsWith(suffix) ? name.slice(0, -suffix.length) : name;
