import * as Y from 'yjs';
import { concatBytes, labelBytes } from '../../shared/crypto/bytes.ts';
import { LABELS } from '../../shared/crypto/labels.ts';
import { sodium } from '../../shared/crypto/sodium.ts';
import { encodeEnvelopeFields } from '../../shared/envelope/encodeEnvelopeFields.ts';
import { envelopeAd } from '../../shared/envelope/envelopeAd.ts';
import { ENVELOPE_KIND } from '../../shared/envelope/EnvelopeKind.ts';
import { envelopeSignatureInput } from '../../shared/envelope/envelopeSignatureInput.ts';
import { sealEnvelope } from '../../shared/envelope/sealEnvelope.ts';
import { randomBytes } from '../../shared/crypto/randomBytes.ts';
import { clientIdFor } from '../../shared/sync/clientIdFor.ts';
import { fixedRoster } from '../../shared/sync/fixedRoster.ts';
import { openWireEntry } from '../../shared/sync/openWireEntry.ts';
import { encodeUpdateBody, NO_PREV } from '../../shared/sync/updateBody.ts';
import { newBenchCell, newKeys, type BenchCell, type Keys } from '../benchCell.ts';
import type { BenchContext, ScenarioResult } from '../BenchContext.ts';
import { median, ratePerSecond } from '../stats.ts';
import { engineRoundTrip } from './engineRoundTrip.ts';

/** A typing batch as the app seals it: `keystrokes` merged single-char inserts mid-document. */
function typingBatch(me: Keys, cell: BenchCell, keystrokes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientIdFor(me.signPk, cell.docId, 1);
  const t = doc.getText('t');
  t.insert(0, 'lorem ipsum dolor sit amet '.repeat(80));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < keystrokes; i++) t.insert(1000 + i, String.fromCharCode(97 + (i % 26)));
  return encodeUpdateBody({ session: 1, prev: NO_PREV, update: Y.mergeUpdates(updates) });
}

interface Ops {
  readonly seal: () => void;
  readonly open: () => void;
  readonly sign: () => void;
  readonly verify: () => void;
  readonly aeadOpen: () => void;
  readonly aeadSeal: () => void;
}

function opsFor(me: Keys, cell: BenchCell, body: Uint8Array): Ops & { sealedBytes: number } {
  const s = sodium();
  const input = {
    contentKey: cell.secrets.contentKey,
    cellId: cell.cellId,
    epoch: 0,
    kind: ENVELOPE_KIND.update,
    docId: cell.docId,
    author: me,
    seq: 7,
    time: Date.now(),
    body,
  };
  const sealed = sealEnvelope(input);
  if (!sealed.ok) throw new Error(sealed.error);
  const { envId, bytes } = sealed.value;
  const roster = fixedRoster([{ signPk: me.signPk, role: 'writer' }]);
  const openCtx = { cellId: cell.cellId, epoch: 0, contentKey: cell.secrets.contentKey, roster };
  const fields = encodeEnvelopeFields({ ...input, author: me.signPk });
  if (!fields.ok) throw new Error('fields');
  // Exactly the bytes the envelope's signature covers: the raw primitives get the same input.
  const message = concatBytes(
    labelBytes(LABELS.envelopeSig),
    envelopeSignatureInput(cell.cellId, 0, fields.value),
  );
  const signature = s.crypto_sign_detached(message, me.signSk);
  const ad = envelopeAd(cell.cellId, 0);
  const nonce = bytes.subarray(1, 25);
  const ciphertext = bytes.subarray(25);
  const padded = new Uint8Array(ciphertext.length - 16);
  const check = openWireEntry(envId, bytes, openCtx);
  if (!check.ok) throw new Error(`open failed: ${check.error}`);
  return {
    sealedBytes: bytes.length,
    seal: () => void sealEnvelope(input),
    open: () => void openWireEntry(envId, bytes, openCtx),
    sign: () => void s.crypto_sign_detached(message, me.signSk),
    verify: () => void s.crypto_sign_verify_detached(signature, message, me.signPk),
    aeadOpen: () =>
      void s.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        ciphertext,
        ad,
        nonce,
        cell.secrets.contentKey,
      ),
    // The raw AEAD on the padded plaintext's length, with a nonce drawn as sealEnvelope draws it.
    aeadSeal: () =>
      void s.crypto_aead_xchacha20poly1305_ietf_encrypt(
        padded,
        ad,
        null,
        randomBytes(24),
        cell.secrets.contentKey,
      ),
  };
}

/** Rates of each op, measured in alternating order over `reps` rounds; medians and paired ratios. */
function measure(
  ops: Ops,
  reps: number,
  ms: number,
): Record<keyof Ops, number> & { openVsVerify: number; sealVsSign: number } {
  const names = ['seal', 'sign', 'open', 'verify', 'aeadOpen', 'aeadSeal'] as const;
  const rates = new Map<string, number[]>(names.map((n) => [n, []]));
  const openVsVerify: number[] = [];
  const sealVsSign: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? names : [...names].reverse();
    const r: Record<string, number> = {};
    for (const n of order) r[n] = ratePerSecond(ops[n], ms);
    for (const n of names) rates.get(n)!.push(r[n]!);
    openVsVerify.push(r['open']! / r['verify']!);
    sealVsSign.push(r['seal']! / r['sign']!);
  }
  const m = (n: string): number => median(rates.get(n)!);
  return {
    seal: m('seal'),
    open: m('open'),
    sign: m('sign'),
    verify: m('verify'),
    aeadOpen: m('aeadOpen'),
    aeadSeal: m('aeadSeal'),
    openVsVerify: median(openVsVerify),
    sealVsSign: median(sealVsSign),
  };
}

/**
 * Scenario 2: sealEnvelope and the engine's opening pipeline (openWireEntry: size cap, decrypt,
 * envelope id, decode, roster check, signature) on a typical typing batch, against the raw
 * libsodium Ed25519 verify and sign on the same signed bytes: the physical limit in this runtime.
 * Then the engine's whole cost per envelope (send and receive stages minus plain Yjs's, CPU time
 * of the in-process round trip) against one sign + verify + AEAD seal + AEAD open.
 */
export async function sealOpen(ctx: BenchContext): Promise<ScenarioResult> {
  const cell = await newBenchCell();
  const me = await newKeys();
  const reps = ctx.quick ? 3 : 9;
  const ms = ctx.quick ? 100 : 250;
  const small = opsFor(me, cell, typingBatch(me, cell, 3));
  for (const k of Object.keys(small) as (keyof Ops)[])
    if (typeof small[k] === 'function') ratePerSecond(small[k], 50);
  const r = measure(small, reps, ms);
  // The engine per envelope, in the same run: two engines in this process, no network.
  const rt = await engineRoundTrip(ctx.quick ? 200 : 1000);
  const cryptoMs = 1000 / r.sign + 1000 / r.verify + 1000 / r.aeadSeal + 1000 / r.aeadOpen;
  // A round trip is two envelopes (A's edit, B's answer), each sent once and received once.
  const engineMs = (rt.quireCpuMs - rt.plainCpuMs) / 2;
  const bigBody = typingBatch(me, cell, 400);
  const big = opsFor(me, cell, bigBody);
  const rb = measure(big, ctx.quick ? 1 : 3, ms);
  return {
    metrics: {
      seal_per_s: r.seal,
      open_per_s: r.open,
      open_vs_verify_limit_ratio: r.openVsVerify,
      engine_overhead_ms: engineMs,
      crypto_limit_ms: cryptoMs,
      engine_vs_crypto_limit_ratio: engineMs / cryptoMs,
    },
    details: {
      seal_open_reps: reps,
      typing_batch_body_bytes: typingBatch(me, cell, 3).length,
      typing_batch_sealed_bytes: small.sealedBytes,
      verify_limit_per_s: r.verify,
      sign_limit_per_s: r.sign,
      seal_vs_sign_limit_ratio: r.sealVsSign,
      aead_open_per_s: r.aeadOpen,
      aead_seal_per_s: r.aeadSeal,
      latency_in_process_p50_ms: rt.quireMs,
      latency_plain_in_process_p50_ms: rt.plainMs,
      engine_round_trip_cpu_ms: rt.quireCpuMs,
      engine_round_trip_plain_cpu_ms: rt.plainCpuMs,
      large_batch_body_bytes: bigBody.length,
      large_batch_seal_per_s: rb.seal,
      large_batch_open_per_s: rb.open,
      large_batch_open_vs_verify_limit_ratio: rb.openVsVerify,
    },
  };
}
