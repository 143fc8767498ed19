/**
 * Saves bytes through the browser's download (a Blob URL that lives only for the click). Nothing
 * is uploaded anywhere; where the file lands is the browser's download setting.
 */
export function anchorDownload(name: string, type: string, data: Uint8Array): void {
  // A copy into a plain ArrayBuffer: Blob takes no view onto a SharedArrayBuffer.
  const url = URL.createObjectURL(new Blob([new Uint8Array(data).buffer], { type }));
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
