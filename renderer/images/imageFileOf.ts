const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * The first JPEG, PNG or WebP file a paste or drop carries, else undefined (then the editor
 * handles it as usual: text and HTML, with images in HTML dropped by sanitizePastedHtml). The
 * declared type only routes the file: the sanitiser checks the bytes themselves.
 */
export function imageFileOf(data: DataTransfer | null): File | undefined {
  for (const file of Array.from(data?.files ?? [])) if (ACCEPTED.includes(file.type)) return file;
  return undefined;
}
