/** Shared inputs for the invite tests: deterministic keys, a sample welcome, a seeded PRNG. */
import { fromHex } from '../../../shared/crypto/bytes.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import type { MemberWelcome, RelayWelcome } from '../../../shared/invite/Welcome.ts';

export const hex = (s: string): Uint8Array => {
  const b = fromHex(s);
  if (!b) throw new Error(`bad hex: ${s}`);
  return b;
};

/** mulberry32: a small seeded PRNG so that the random typo and tamper tests are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Person {
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
  readonly boxPk: Uint8Array;
  readonly boxSk: Uint8Array;
}

/** A cell identity from a one-byte seed (Ed25519 and X25519 keys from fixed seeds). */
export function person(seedByte: number): Person {
  const seed = new Uint8Array(32).fill(seedByte);
  const sign = sodium().crypto_sign_seed_keypair(seed);
  const box = sodium().crypto_box_seed_keypair(seed);
  return {
    signPk: sign.publicKey,
    signSk: sign.privateKey,
    boxPk: box.publicKey,
    boxSk: box.privateKey,
  };
}

/** Call after `await sodiumReady()`. */
export function fixture() {
  const secret = new Uint8Array(32).map((_, i) => i);
  const invite = deriveInviteSecrets(secret);
  const joiner = person(1);
  const coordinator = person(2);
  const outsider = person(3);
  const config = {
    rendezvousUrls: ['wss://signal.example.org', 'ws://192.168.1.20:4444'],
    iceServers: [
      { urls: ['stun:stun.example.org:3478'] },
      { urls: ['turns:turn.example.org:5349?transport=tcp'], username: 'u', credential: 'p4ss' },
    ],
    relayOnly: true,
  };
  const memberWelcome: MemberWelcome = {
    variant: 'member',
    cellId: new Uint8Array(16).fill(0xce),
    joinerSignPk: joiner.signPk,
    joinerBoxPk: joiner.boxPk,
    admitOpId: 'ad'.repeat(16),
    epoch: 3,
    epochKeys: [
      { epoch: 1, key: new Uint8Array(32).fill(0x11) },
      { epoch: 3, key: new Uint8Array(32).fill(0x33) },
    ],
    rosterOps: [new Uint8Array([1, 2, 3]), new Uint8Array(200).fill(9)],
    config,
  };
  const relayWelcome: RelayWelcome = {
    variant: 'relay',
    cellId: memberWelcome.cellId,
    joinerSignPk: joiner.signPk,
    joinerBoxPk: joiner.boxPk,
    admitOpId: memberWelcome.admitOpId,
    epoch: 3,
    transportRoots: [{ epoch: 3, key: new Uint8Array(32).fill(0x77) }],
    config: { ...config, iceServers: [], relayOnly: false },
  };
  return { secret, invite, joiner, coordinator, outsider, memberWelcome, relayWelcome };
}
