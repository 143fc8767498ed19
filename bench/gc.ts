import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let cached: (() => void) | undefined;

/**
 * A full garbage collection, for heap figures that count live objects only. `npm run bench`
 * runs without --expose-gc, so the flag is set at run time and `gc` taken from a new context.
 */
export function fullGc(): void {
  if (!cached) {
    setFlagsFromString('--expose-gc');
    cached = runInNewContext('gc') as () => void;
  }
  cached();
}

/** Live heap in bytes after a full collection. */
export function liveHeap(): number {
  fullGc();
  return process.memoryUsage().heapUsed;
}
