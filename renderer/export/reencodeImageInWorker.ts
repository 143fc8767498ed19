import { IMAGE_LIMITS } from '../../shared/images/imageLimits.ts';
import { askWorkerOnce } from '../images/askWorkerOnce.ts';
import { parseReencodeResponse, type ReencodeResponse } from './reencodeMessages.ts';

/**
 * Re-encodes a stored image's bytes as PNG (at `fit` pixels when smaller) in a fresh module worker (reencodeImage.worker.ts),
 * terminated after its answer or after `timeoutMs` ('timeout'): a decoder stuck on a peer's
 * hostile bytes cannot hang the export. Never rejects.
 */
export function reencodeImageInWorker(
  bytes: Uint8Array,
  fit?: { readonly width: number; readonly height: number },
  timeoutMs: number = IMAGE_LIMITS.sanitiseTimeoutMs,
): Promise<ReencodeResponse> {
  const worker = new Worker(new URL('./reencodeImage.worker.ts', import.meta.url), {
    type: 'module',
  });
  return askWorkerOnce<ReencodeResponse>(worker, bytes, fit ? { fit } : {}, {
    parse: parseReencodeResponse,
    failed: (error) => ({ ok: false, error }),
    timeoutMs,
  });
}
