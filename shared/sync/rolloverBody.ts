import { ByteReader } from '../util/ByteReader.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { err, ok, type Result } from '../util/result.ts';

const ROLLOVER_BODY_VERSION = 1;

/** The body of a `rollover` envelope: "this wire doc is full; everyone move to `next`". */
export interface RolloverBody {
  readonly nextGeneration: number;
}

export function encodeRolloverBody(body: RolloverBody): Uint8Array {
  return new ByteWriter().u8(ROLLOVER_BODY_VERSION).u32(body.nextGeneration).finish();
}

export function decodeRolloverBody(bytes: Uint8Array): Result<RolloverBody, 'malformed_rollover'> {
  const r = new ByteReader(bytes);
  if (r.u8() !== ROLLOVER_BODY_VERSION) return err('malformed_rollover', 'version');
  const nextGeneration = r.u32();
  if (nextGeneration === undefined || r.remaining !== 0) return err('malformed_rollover');
  return ok({ nextGeneration });
}
