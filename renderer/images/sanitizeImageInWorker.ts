import type { CoverRegion } from '../../shared/images/coverRegions.ts';
import { IMAGE_LIMITS } from '../../shared/images/imageLimits.ts';
import { askWorkerOnce } from './askWorkerOnce.ts';
import { parseSanitizeResponse, type SanitizeResponse } from './sanitizeMessages.ts';

/**
 * Sanitises an image's bytes in a fresh module worker (sanitizeImage.worker.ts). The worker is
 * terminated after its answer, or after `timeoutMs` with the image refused ('timeout'): a
 * decoder stuck on hostile bytes cannot hang the app. Never rejects.
 */
export function sanitizeImageInWorker(
  bytes: Uint8Array,
  options: {
    readonly noise: boolean;
    readonly regions?: readonly CoverRegion[];
    readonly timeoutMs?: number;
  },
): Promise<SanitizeResponse> {
  if (bytes.length > IMAGE_LIMITS.sourceMaxBytes)
    return Promise.resolve({ ok: false, error: 'file_too_large' });
  const worker = new Worker(new URL('./sanitizeImage.worker.ts', import.meta.url), {
    type: 'module',
  });
  return askWorkerOnce<SanitizeResponse>(
    worker,
    bytes,
    { noise: options.noise, regions: options.regions ?? [] },
    {
      parse: parseSanitizeResponse,
      failed: (error) => ({ ok: false, error }),
      timeoutMs: options.timeoutMs ?? IMAGE_LIMITS.sanitiseTimeoutMs,
    },
  );
}
