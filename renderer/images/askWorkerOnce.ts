/**
 * Sends `bytes` (moved, not copied twice) and `extra` to a fresh worker and resolves with its
 * one answer, parsed; the worker is terminated after that answer, after a crash ('crashed') or
 * after `timeoutMs` ('timeout'), so a decoder stuck on hostile bytes cannot hang the app. The
 * caller constructs the worker (the bundler needs `new Worker(new URL(...))` where it is used).
 * Never rejects.
 */
export function askWorkerOnce<T>(
  worker: Worker,
  bytes: Uint8Array,
  extra: Record<string, unknown>,
  answer: {
    readonly parse: (data: unknown) => T | undefined;
    readonly failed: (error: 'timeout' | 'crashed') => T;
    readonly timeoutMs: number;
  },
): Promise<T> {
  return new Promise((resolve) => {
    const finish = (outcome: T): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish(answer.failed('timeout')), answer.timeoutMs);
    worker.onmessage = (event: MessageEvent<unknown>) =>
      finish(answer.parse(event.data) ?? answer.failed('crashed'));
    worker.onerror = (event) => {
      event.preventDefault();
      finish(answer.failed('crashed'));
    };
    worker.onmessageerror = () => finish(answer.failed('crashed'));
    const copy = bytes.slice();
    worker.postMessage({ ...extra, bytes: copy }, [copy.buffer]);
  });
}
