/**
 * Runs Argon2id off the UI thread. One worker per derivation: the page terminates it after the
 * answer, which frees the 256 MiB-1 GiB of wasm memory and whatever key residue it held.
 */
import { argon2idKdf } from '../../shared/vault/argon2idKdf.ts';
import { parseKdfRequest, type KdfResponse } from './kdfMessages.ts';

const reply = (msg: KdfResponse): void => {
  self.postMessage(msg, msg.ok ? { transfer: [msg.key.buffer] } : {});
};

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const req = parseKdfRequest(event.data);
  if (req === undefined) {
    reply({ ok: false });
    return;
  }
  argon2idKdf(req.passphrase, req.salt, req.opslimit, req.memlimit).then(
    (key) => reply({ ok: true, key }),
    () => reply({ ok: false }),
  );
  // argon2idKdf zeroes req.passphrase once libsodium has copied it.
});
