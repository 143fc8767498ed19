import { ByteReader } from '../util/ByteReader.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { err, ok, type Result } from '../util/result.ts';

const UPDATE_BODY_VERSION = 1;

/** The body of an `update` envelope: which editing session wrote it, and the Yjs update (v1). */
export interface UpdateBody {
  readonly session: number;
  readonly update: Uint8Array;
}

export function encodeUpdateBody(body: UpdateBody): Uint8Array {
  return new ByteWriter().u8(UPDATE_BODY_VERSION).u32(body.session).bytes(body.update).finish();
}

export function decodeUpdateBody(bytes: Uint8Array): Result<UpdateBody, 'malformed_update'> {
  const r = new ByteReader(bytes);
  if (r.u8() !== UPDATE_BODY_VERSION) return err('malformed_update', 'version');
  const session = r.u32();
  if (session === undefined || r.remaining === 0) return err('malformed_update', 'truncated');
  return ok({ session, update: r.rest() });
}
