import type { Kdf } from '../../shared/vault/kdfParams.ts';
import { parseKdfResponse, type KdfRequest } from './kdfMessages.ts';
import { wipeBytes } from '../../shared/vault/wipeBytes.ts';

/** Far above the cap's cost on a slow laptop; only there so a wedged worker cannot hang unlock. */
const TIMEOUT_MS = 120_000;

/**
 * The renderer's Kdf: Argon2id in a fresh module Web Worker. The passphrase is copied into a new
 * buffer that is transferred (the worker zeroes it after use) and the caller's bytes are zeroed
 * immediately. Rejects on any worker failure; the vault maps that to a generic unlock failure.
 */
export const deriveKekInWorker: Kdf = (passphrase, salt, opslimit, memlimit) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const pass = passphrase.slice();
    wipeBytes(passphrase);
    const worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
    const finish = (outcome: Uint8Array | Error): void => {
      clearTimeout(timer);
      worker.terminate();
      wipeBytes(pass); // detached once transferred: then the worker zeroes its copy
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => finish(new Error('kdf worker timed out')), TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const res = parseKdfResponse(event.data);
      finish(res?.ok === true ? res.key : new Error('kdf worker refused'));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(new Error('kdf worker crashed'));
    };
    worker.onmessageerror = () => finish(new Error('kdf worker message error'));
    const request: KdfRequest = { passphrase: pass, salt: salt.slice(), opslimit, memlimit };
    worker.postMessage(request, [pass.buffer]);
  });
