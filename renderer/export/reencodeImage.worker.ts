/**
 * Re-encodes one stored image for an export, off the UI thread: the bytes in an image document
 * came from a peer (any member's app may write anything there, bypassing the sanitiser), so they
 * are decoded to pixels and a fresh PNG is encoded from those pixels alone on a white ground.
 * PNG is lossless and Chromium encodes the same pixels to the same bytes, so the same issue
 * exports to the same file; no byte of the stored container (EXIF, XMP, chunks) survives. It is
 * redrawn at print size when asked (fewer pixels than stored: a PDF with many photos fits). One
 * worker per image; the page terminates it after the answer or when it takes too long.
 */
import { IMAGE_LIMITS } from '../../shared/images/imageLimits.ts';
import { parseImageHeader } from '../../shared/images/parseImageHeader.ts';
import type { ReencodeRequest, ReencodeResponse } from './reencodeMessages.ts';

const STORED = { maxSide: IMAGE_LIMITS.storedMaxSide, maxPixels: Number.MAX_SAFE_INTEGER };

const reply = (msg: ReencodeResponse): void => {
  self.postMessage(msg, msg.ok ? { transfer: [msg.bytes.buffer] } : {});
};

async function reencode(req: ReencodeRequest): Promise<ReencodeResponse> {
  // Checked again here: a bomb declared in the header is refused before anything decodes.
  const header = parseImageHeader(req.bytes, STORED);
  if (!header.ok) return { ok: false, error: 'malformed' };
  let decoded: ImageBitmap;
  try {
    decoded = await createImageBitmap(
      new Blob([new Uint8Array(req.bytes)], { type: header.value.mime }),
    );
  } catch {
    return { ok: false, error: 'undecodable' };
  }
  if (decoded.width > IMAGE_LIMITS.storedMaxSide || decoded.height > IMAGE_LIMITS.storedMaxSide) {
    decoded.close();
    return { ok: false, error: 'malformed' };
  }
  // Only ever smaller (print size), never larger than what was decoded.
  const fit = req.fit;
  const smaller = fit !== undefined && fit.width < decoded.width && fit.height <= decoded.height;
  const width = smaller ? fit.width : decoded.width;
  const height = smaller ? fit.height : decoded.height;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) {
    decoded.close();
    return { ok: false, error: 'undecodable' };
  }
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(decoded, 0, 0, width, height);
  decoded.close();
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { ok: true, bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data as Partial<ReencodeRequest> | null;
  if (!(data?.bytes instanceof Uint8Array)) {
    reply({ ok: false, error: 'malformed' });
    return;
  }
  const fit = data.fit;
  const side = (v: unknown): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= IMAGE_LIMITS.storedMaxSide;
  const sized = fit && side(fit.width) && side(fit.height) ? fit : undefined;
  void reencode({ bytes: data.bytes, ...(sized ? { fit: sized } : {}) }).then(reply, () =>
    reply({ ok: false, error: 'undecodable' }),
  );
});
