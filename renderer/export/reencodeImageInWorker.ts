import { IMAGE_LIMITS } from '../../shared/images/imageLimits.ts';
import { parseReencodeResponse, type ReencodeResponse } from './reencodeMessages.ts';

/**
 * Re-encodes a stored image's bytes as PNG in a fresh module worker (reencodeImage.worker.ts),
 * terminated after its answer or after `timeoutMs` ('timeout'): a decoder stuck on a peer's
 * hostile bytes cannot hang the export. Never rejects.
 */
export function reencodeImageInWorker(
  bytes: Uint8Array,
  timeoutMs: number = IMAGE_LIMITS.sanitiseTimeoutMs,
): Promise<ReencodeResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./reencodeImage.worker.ts', import.meta.url), {
      type: 'module',
    });
    const finish = (outcome: ReencodeResponse): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, error: 'timeout' }), timeoutMs);
    worker.onmessage = (event: MessageEvent<unknown>) =>
      finish(parseReencodeResponse(event.data) ?? { ok: false, error: 'crashed' });
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: 'crashed' });
    };
    worker.onmessageerror = () => finish({ ok: false, error: 'crashed' });
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy }, [copy.buffer]);
  });
}
