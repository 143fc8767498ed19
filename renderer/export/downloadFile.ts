/**
 * Saves bytes or text as a file through the browser's download (a Blob URL that lives only for
 * the click). Nothing is uploaded anywhere.
 */
export function downloadFile(name: string, type: string, data: string | Uint8Array): void {
  // A copy into a plain ArrayBuffer: Blob takes no view onto a SharedArrayBuffer.
  const part = typeof data === 'string' ? data : new Uint8Array(data).buffer;
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may start after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from the masthead only (title, number, chosen date): letters and digits kept. */
export function issueFileName(
  masthead: { readonly title: string; readonly issueNumber: string; readonly date: string },
  extension: string,
): string {
  const slug = [masthead.title, masthead.issueNumber, masthead.date]
    .map((part) => part.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, ''))
    .filter((part) => part !== '')
    .join('-')
    .slice(0, 80);
  return `${slug === '' ? 'issue' : slug}.${extension}`;
}
