/**
 * Sanitises one image off the UI thread: the container header is checked first (type, declared
 * size: a bomb is refused before anything decodes), the metadata is listed, then the pixels are
 * decoded (EXIF orientation applied), downscaled, the regions the member chose covered
 * (coverRegions), optionally dithered, and re-encoded. Only
 * pixels reach the output: no byte of the original container survives. One worker per image;
 * the page terminates it after the answer or when it takes too long.
 */
import { canonicalImage } from '../../shared/images/canonicalImage.ts';
import { coverRegions, parseCoverRegions } from '../../shared/images/coverRegions.ts';
import { IMAGE_LIMITS } from '../../shared/images/imageLimits.ts';
import { parseImageHeader } from '../../shared/images/parseImageHeader.ts';
import { readImageMetadata } from '../../shared/images/readImageMetadata.ts';
import { addNoise } from './addNoise.ts';
import type { SanitizeRequest, SanitizeResponse } from './sanitizeMessages.ts';

const reply = (msg: SanitizeResponse): void => {
  self.postMessage(msg, msg.ok ? { transfer: [msg.bytes.buffer] } : {});
};

/** Tried in order until the bytes fit IMAGE_LIMITS.storedMaxBytes. */
const QUALITIES = [0.85, 0.72, 0.6];
const SHRINK = [1, 0.75, 0.5];

/** Uniform numbers in [0, 1) from the system's CSPRNG, drawn in batches. */
function cryptoRandom(): () => number {
  const batch = new Uint32Array(4096);
  let at = batch.length;
  return () => {
    if (at === batch.length) {
      crypto.getRandomValues(batch);
      at = 0;
    }
    return (batch[at++] ?? 0) / 2 ** 32;
  };
}

async function sanitize(req: SanitizeRequest): Promise<SanitizeResponse> {
  const header = parseImageHeader(req.bytes);
  if (!header.ok) return { ok: false, error: header.error };
  const removed = readImageMetadata(req.bytes);
  let decoded: ImageBitmap;
  try {
    decoded = await createImageBitmap(
      new Blob([new Uint8Array(req.bytes)], { type: header.value.mime }),
      {
        imageOrientation: 'from-image',
      },
    );
  } catch {
    return { ok: false, error: 'undecodable' };
  }
  const long = Math.max(decoded.width, decoded.height);
  for (const shrink of SHRINK) {
    const scale = Math.min(1, IMAGE_LIMITS.storedMaxSide / long) * shrink;
    const width = Math.max(1, Math.round(decoded.width * scale));
    const height = Math.max(1, Math.round(decoded.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return { ok: false, error: 'undecodable' };
    // Printed on paper: transparency becomes white, in every output format.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(decoded, 0, 0, width, height);
    if (req.regions.length > 0) {
      const image = ctx.getImageData(0, 0, width, height);
      coverRegions(image.data, width, height, req.regions, cryptoRandom());
      ctx.putImageData(image, 0, 0);
    }
    if (req.noise) addNoise(ctx, width, height);
    for (const quality of QUALITIES) {
      let blob = await canvas.convertToBlob({ type: 'image/webp', quality });
      // A browser that cannot encode WebP answers with PNG: use JPEG then.
      if (blob.type !== 'image/webp')
        blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      if (blob.size > IMAGE_LIMITS.storedMaxBytes + 64 * 1024) continue;
      // The encoder's container extras (an sRGB profile) go: receivers accept the canonical form only.
      const canonical = canonicalImage(new Uint8Array(await blob.arrayBuffer()));
      if (!canonical.ok) {
        decoded.close();
        return { ok: false, error: 'not_canonical' };
      }
      if (canonical.value.length > IMAGE_LIMITS.storedMaxBytes) continue;
      const mime = blob.type === 'image/webp' ? 'image/webp' : 'image/jpeg';
      decoded.close();
      return {
        ok: true,
        bytes: canonical.value,
        mime,
        width,
        height,
        removed,
      };
    }
  }
  decoded.close();
  return { ok: false, error: 'too_big_encoded' };
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data as Partial<SanitizeRequest> | null;
  if (!(data?.bytes instanceof Uint8Array)) {
    reply({ ok: false, error: 'malformed' });
    return;
  }
  const regions = parseCoverRegions(data.regions);
  void sanitize({ bytes: data.bytes, noise: data.noise === true, regions }).then(reply, () =>
    reply({ ok: false, error: 'undecodable' }),
  );
});
