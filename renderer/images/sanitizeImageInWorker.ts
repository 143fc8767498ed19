import { IMAGE_LIMITS } from '../../shared/images/imageLimits.ts';
import { parseSanitizeResponse, type SanitizeResponse } from './sanitizeMessages.ts';

/**
 * Sanitises an image's bytes in a fresh module worker (sanitizeImage.worker.ts). The worker is
 * terminated after its answer, or after `timeoutMs` with the image refused ('timeout'): a
 * decoder stuck on hostile bytes cannot hang the app. Never rejects.
 */
export function sanitizeImageInWorker(
  bytes: Uint8Array,
  options: { readonly noise: boolean; readonly timeoutMs?: number },
): Promise<SanitizeResponse> {
  if (bytes.length > IMAGE_LIMITS.sourceMaxBytes)
    return Promise.resolve({ ok: false, error: 'file_too_large' });
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./sanitizeImage.worker.ts', import.meta.url), {
      type: 'module',
    });
    const finish = (outcome: SanitizeResponse): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, error: 'timeout' }),
      options.timeoutMs ?? IMAGE_LIMITS.sanitiseTimeoutMs,
    );
    worker.onmessage = (event: MessageEvent<unknown>) =>
      finish(parseSanitizeResponse(event.data) ?? { ok: false, error: 'crashed' });
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: 'crashed' });
    };
    worker.onmessageerror = () => finish({ ok: false, error: 'crashed' });
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy, noise: options.noise }, [copy.buffer]);
  });
}
