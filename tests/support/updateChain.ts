import { fromHex, toHex } from '../../shared/crypto/bytes.ts';
import { ENVELOPE_KIND, type EnvelopeKind } from '../../shared/envelope/EnvelopeKind.ts';
import { signedDigest } from '../../shared/sync/signedDigest.ts';
import { decodeUpdateBody, encodeUpdateBody, NO_PREV } from '../../shared/sync/updateBody.ts';

export interface ChainFields {
  readonly kind: EnvelopeKind;
  readonly docId: Uint8Array;
  readonly author: Uint8Array;
  readonly seq: number;
  readonly time: number;
}

/** An update body that names no previous envelope (UpdateChain.link fills it in). */
export const unlinkedUpdateBody = (update: Uint8Array, session = 1): Uint8Array =>
  encodeUpdateBody({ session, prev: NO_PREV, update });

/**
 * The per-author hash chain of updates (PROTOCOL §4.3), played honestly for tests that seal
 * envelopes by hand: `link` makes an update body that names no previous envelope (zeros) at a seq
 * above 1 name the last envelope linked for that author, doc and seq - 1, and remembers this one.
 * Bodies that already name something (tests of forged links) are left alone.
 */
export class UpdateChain {
  private readonly digests = new Map<string, string>();

  link(f: ChainFields, body: Uint8Array): Uint8Array {
    const key = (seq: number) => `${toHex(f.author)}:${toHex(f.docId)}:${f.kind}:${seq}`;
    let out = body;
    if (f.kind === ENVELOPE_KIND.update && f.seq > 1) {
      const decoded = decodeUpdateBody(body);
      const prev = this.digests.get(key(f.seq - 1));
      if (decoded.ok && prev && decoded.value.prev.every((b) => b === 0))
        out = encodeUpdateBody({ ...decoded.value, prev: fromHex(prev) ?? NO_PREV });
    }
    this.digests.set(key(f.seq), signedDigest({ ...f, body: out }));
    return out;
  }
}
