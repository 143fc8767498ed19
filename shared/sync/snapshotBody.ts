import { ByteReader } from '../util/ByteReader.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { err, ok, type Result } from '../util/result.ts';

const SNAPSHOT_BODY_VERSION = 1;
const KEY_BYTES = 32;
/** A document has at most this many (author, session) claims or authors in one snapshot. */
export const MAX_SNAPSHOT_ENTRIES = 65535;

/** One editing session of one author: the pair a clientID is derived from (clientIdFor). */
export interface SessionClaim {
  readonly author: Uint8Array;
  readonly session: number;
}

/** The highest update seq of one author that a snapshot's state includes. */
export interface SeqMark {
  readonly author: Uint8Array;
  readonly seq: number;
}

/**
 * The body of a `snapshot` envelope: the whole Yjs state of one document, the sessions whose
 * clientIDs it contains (so receivers can still check every struct's clientID) and, per author,
 * the update seq it covers (so peers know what still needs re-publishing after a rollover).
 */
export interface SnapshotBody {
  readonly claims: readonly SessionClaim[];
  readonly covered: readonly SeqMark[];
  readonly state: Uint8Array;
}

export function encodeSnapshotBody(body: SnapshotBody): Uint8Array {
  const w = new ByteWriter().u8(SNAPSHOT_BODY_VERSION).u16(body.claims.length);
  for (const c of body.claims) w.bytes(c.author).u32(c.session);
  w.u16(body.covered.length);
  for (const m of body.covered) w.bytes(m.author).u32(m.seq);
  return w.bytes(body.state).finish();
}

export function decodeSnapshotBody(bytes: Uint8Array): Result<SnapshotBody, 'malformed_snapshot'> {
  const r = new ByteReader(bytes);
  if (r.u8() !== SNAPSHOT_BODY_VERSION) return err('malformed_snapshot', 'version');
  const readPairs = (): { author: Uint8Array; n: number }[] | undefined => {
    const count = r.u16();
    if (count === undefined || r.remaining < count * (KEY_BYTES + 4)) return undefined;
    const out: { author: Uint8Array; n: number }[] = [];
    for (let i = 0; i < count; i++) {
      const author = r.bytes(KEY_BYTES);
      const n = r.u32();
      if (!author || n === undefined) return undefined;
      out.push({ author: author.slice(), n });
    }
    return out;
  };
  const claims = readPairs();
  const covered = claims && readPairs();
  if (!claims || !covered) return err('malformed_snapshot', 'truncated');
  return ok({
    claims: claims.map(({ author, n }) => ({ author, session: n })),
    covered: covered.map(({ author, n }) => ({ author, seq: n })),
    state: r.rest(),
  });
}
