import { ByteReader } from '../util/ByteReader.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { err, ok, type Result } from '../util/result.ts';

const UPDATE_BODY_VERSION = 2;
/** The length of `prev`: a signed digest (signedDigest.ts). */
export const PREV_BYTES = 16;
/** What an author's first update in a document names as its previous envelope. */
export const NO_PREV = new Uint8Array(PREV_BYTES);

/**
 * The body of an `update` envelope (v2): which editing session wrote it, the signed digest of the
 * author's previous update envelope in this document (seq - 1; zeros for seq 1: a per-author hash
 * chain, PROTOCOL §4.3) and the Yjs update (v1).
 */
export interface UpdateBody {
  readonly session: number;
  readonly prev: Uint8Array;
  readonly update: Uint8Array;
}

export function encodeUpdateBody(body: UpdateBody): Uint8Array {
  return new ByteWriter()
    .u8(UPDATE_BODY_VERSION)
    .u32(body.session)
    .bytes(body.prev)
    .bytes(body.update)
    .finish();
}

export function decodeUpdateBody(bytes: Uint8Array): Result<UpdateBody, 'malformed_update'> {
  const r = new ByteReader(bytes);
  if (r.u8() !== UPDATE_BODY_VERSION) return err('malformed_update', 'version');
  const session = r.u32();
  const prev = r.copy(PREV_BYTES);
  if (session === undefined || !prev || r.remaining === 0)
    return err('malformed_update', 'truncated');
  return ok({ session, prev, update: r.rest() });
}
