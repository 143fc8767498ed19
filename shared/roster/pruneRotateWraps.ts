import { concatBytes } from '../crypto/bytes.ts';
import { decodeRosterOp } from './decodeRosterOp.ts';
import { ROTATE_OP_VERSION, WRAPS_PRUNED } from './RosterOp.ts';

/**
 * The same op without its wraps (history horizon, PROTOCOL §11.5): for a format-2 rotate that
 * still carries them, its bytes up to the signature and u8(0); the opId and the signature stay
 * valid, so the roster computes the same, for this device and for anyone it serves the op to.
 * Any other op, a pruned rotate, and a legacy (version 1) rotate, whose signature covers its
 * wraps, come back unchanged: undecodable bytes too (the roster log refuses them).
 */
export function pruneRotateWraps(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== ROTATE_OP_VERSION) return bytes;
  const op = decodeRosterOp(bytes);
  if (!op.ok || op.value.body.type !== 'rotate') return bytes;
  if (op.value.body.wraps.every((w) => w.sealed === undefined)) return bytes;
  return concatBytes(op.value.signed, op.value.signature, new Uint8Array([WRAPS_PRUNED]));
}

/** Whether `bytes` is a format-2 rotate whose wraps were pruned. */
export function wrapsPruned(bytes: Uint8Array): boolean {
  if (bytes[0] !== ROTATE_OP_VERSION) return false;
  const op = decodeRosterOp(bytes);
  return op.ok && op.value.body.type === 'rotate' && op.value.body.wraps.every((w) => !w.sealed);
}
