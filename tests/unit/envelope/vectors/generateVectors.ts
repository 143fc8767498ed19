/**
 * Regenerates v1.json from the implementation: `node --import tsx tests/unit/envelope/vectors/generateVectors.ts`.
 * Only ever run this for a deliberate protocol change (and bump the labels/version): the tests
 * check the implementation against this file AND against an independent re-derivation from the
 * byte layout in docs/PROTOCOL.md, so a silent format change fails twice.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toHex, utf8 } from '../../../../shared/crypto/bytes.ts';
import {
  deriveEpochSecrets,
  deriveRoomName,
} from '../../../../shared/crypto/deriveEpochSecrets.ts';
import { sodium, sodiumReady } from '../../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND, type EnvelopeKind } from '../../../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../../../../shared/envelope/sealEnvelope.ts';
import { sealPresence } from '../../../../shared/envelope/sealPresence.ts';
import { signedDigest } from '../../../../shared/sync/signedDigest.ts';
import { encodeUpdateBody, NO_PREV } from '../../../../shared/sync/updateBody.ts';

const seq = (start: number, n: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);

export const VECTOR_INPUTS = {
  epochKey: seq(0x00, 32),
  cellId: seq(0xa0, 16),
  epoch: 7,
  generations: [0, 3],
  authorSeed: seq(0x80, 32),
  nonce: seq(0x30, 24),
  docId: seq(0xd0, 16),
};

const ENVELOPES: {
  name: string;
  kind: EnvelopeKind;
  seq: number;
  time: number;
  body: Uint8Array;
}[] = [
  {
    name: 'update-hello',
    kind: ENVELOPE_KIND.update,
    seq: 1,
    time: 1_700_000_000_000,
    body: utf8('hello, cell'),
  },
  {
    name: 'snapshot-empty',
    kind: ENVELOPE_KIND.snapshot,
    seq: 2,
    time: 0,
    body: new Uint8Array(0),
  },
  {
    name: 'roster-200',
    kind: ENVELOPE_KIND.roster,
    seq: 4_294_967_295,
    time: 2 ** 53 - 1,
    body: seq(0, 200),
  },
  { name: 'rollover-127', kind: ENVELOPE_KIND.rollover, seq: 9, time: 1, body: seq(0x55, 127) },
];

/**
 * Two updates of one author's hash chain (PROTOCOL §7): v2 bodies of session 3, the second naming
 * the first's signed digest. The Yjs bytes are opaque here.
 */
function chainEnvelopes(author: Uint8Array): { envelopes: typeof ENVELOPES; digests: string[] } {
  const i = VECTOR_INPUTS;
  const envelopes: typeof ENVELOPES = [];
  const digests: string[] = [];
  let prev = NO_PREV;
  for (const n of [1, 2]) {
    const body = encodeUpdateBody({ session: 3, prev, update: seq(0x10 * n, 10) });
    const e = { name: `update-chain-${n}`, kind: ENVELOPE_KIND.update, seq: n, time: n, body };
    const digest = signedDigest({ ...e, docId: i.docId, author });
    envelopes.push(e);
    digests.push(digest);
    prev = Uint8Array.from(Buffer.from(digest, 'hex'));
  }
  return { envelopes, digests };
}

async function main(): Promise<void> {
  await sodiumReady();
  const i = VECTOR_INPUTS;
  const secrets = deriveEpochSecrets(i.epochKey, i.cellId, i.epoch);
  const kp = sodium().crypto_sign_seed_keypair(i.authorSeed);
  const author = { signPk: kp.publicKey, signSk: kp.privateKey };
  const chain = chainEnvelopes(kp.publicKey);
  const out = {
    comment: 'Quire protocol v1 known answers; see docs/PROTOCOL.md and generateVectors.ts',
    inputs: {
      epochKey: toHex(i.epochKey),
      cellId: toHex(i.cellId),
      epoch: i.epoch,
      authorSeed: toHex(i.authorSeed),
      nonce: toHex(i.nonce),
      docId: toHex(i.docId),
    },
    authorSignPk: toHex(kp.publicKey),
    keySchedule: {
      transportRoot: toHex(secrets.transportRoot),
      transportSecret: secrets.transportSecret,
      contentKey: toHex(secrets.contentKey),
      presenceKey: toHex(secrets.presenceKey),
      roomNames: i.generations.map((g) => ({
        generation: g,
        roomName: deriveRoomName(secrets.transportRoot, i.cellId, i.epoch, g),
      })),
    },
    chainDigests: chain.digests,
    envelopes: [...ENVELOPES, ...chain.envelopes].map((e) => {
      const r = sealEnvelope({
        contentKey: secrets.contentKey,
        cellId: i.cellId,
        epoch: i.epoch,
        kind: e.kind,
        docId: i.docId,
        author,
        seq: e.seq,
        time: e.time,
        body: e.body,
        nonce: i.nonce,
      });
      if (!r.ok) throw new Error(r.error);
      return {
        name: e.name,
        kind: e.kind,
        seq: e.seq,
        time: e.time,
        body: toHex(e.body),
        sealed: toHex(r.value.bytes),
        envId: r.value.envId,
      };
    }),
    presence: [
      {
        seq: 5,
        clientId: 3_141_592_653,
        time: 1_700_000_000_123,
        state: utf8('{"draft":1,"cursor":42}'),
      },
    ].map((p) => {
      const r = sealPresence({
        presenceKey: secrets.presenceKey,
        cellId: i.cellId,
        epoch: i.epoch,
        author,
        clientId: p.clientId,
        time: p.time,
        seq: p.seq,
        state: p.state,
        nonce: i.nonce,
      });
      if (!r.ok) throw new Error(r.error);
      return {
        seq: p.seq,
        clientId: p.clientId,
        time: p.time,
        state: toHex(p.state),
        sealed: toHex(r.value),
      };
    }),
  };
  writeFileSync(
    fileURLToPath(new URL('./v1.json', import.meta.url)),
    JSON.stringify(out, null, 2) + '\n',
  );
}

await main();
