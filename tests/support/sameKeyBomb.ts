import * as encoding from 'lib0/encoding';

/**
 * A Yjs update (v1) of `n` items of one map key, all under `client`, none with an origin: valid,
 * and each one makes Yjs scan every earlier item of the key to place it, so applying it costs n²
 * (issue 14 item 8: 40,000 of them, 430 KB, took seconds). Written by hand: Yjs never creates it.
 */
export function sameKeyBomb(client: number, n: number, root = 'm', key = 'k'): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, n); // structs
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0); // first clock
  for (let i = 0; i < n; i++) {
    encoding.writeUint8(e, 8 | 0x20); // ContentAny, has a parentSub, no origins
    encoding.writeVarUint(e, 1); // the parent is a root type, by name
    encoding.writeVarString(e, root);
    encoding.writeVarString(e, key);
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, i);
  }
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}
