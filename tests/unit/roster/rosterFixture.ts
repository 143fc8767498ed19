/** Builders for roster tests: deterministic identities and a cell whose ops we author by hand. */
import { toHex, utf8 } from '../../../shared/crypto/bytes.ts';
import { hash } from '../../../shared/crypto/hash.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { createGenesisOp } from '../../../shared/roster/createGenesisOp.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import { rekeyProofMessage } from '../../../shared/roster/rekeyProofMessage.ts';
import type { Roster } from '../../../shared/roster/Roster.ts';
import type { RosterCache } from '../../../shared/roster/RosterCache.ts';
import type { EpochWrap, Role, RosterOpBody } from '../../../shared/roster/RosterOp.ts';
import { WRAP_SEALED_BYTES } from '../../../shared/roster/RosterOp.ts';
import { sealEpochWraps } from '../../../shared/roster/sealEpochWraps.ts';

export interface Actor {
  readonly name: string;
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
  readonly boxPk: Uint8Array;
  readonly boxSk: Uint8Array;
  readonly hex: string;
}

/** Same name (and salt), same keys: every test and seed is reproducible. Call after sodiumReady(). */
export function makeActor(name: string, salt = ''): Actor {
  const seed = hash(LABELS.scope, [utf8(`roster-test/${salt}/${name}`)], 32);
  const s = sodium().crypto_sign_seed_keypair(seed);
  const b = sodium().crypto_box_seed_keypair(seed);
  return {
    name,
    signPk: s.publicKey,
    signSk: s.privateKey,
    boxPk: b.publicKey,
    boxSk: b.privateKey,
    hex: toHex(s.publicKey),
  };
}

export function inviteIdFor(label: string): Uint8Array {
  return hash(LABELS.inviteId, [utf8(label)], 32);
}

export function joinProof(joiner: Actor, inviteId: Uint8Array, pseudonym = joiner.name) {
  const msg = joinerSignatureMessage(inviteId, joiner.signPk, joiner.boxPk, pseudonym);
  return signDetached(joiner.signSk, LABELS.joinProof, msg);
}

/** The new key's signature over the move of `from` onto `next` in `cellId` (a rekey op's proof). */
export function rekeyProof(cellId: Uint8Array, from: Actor, next: Actor, signer: Actor = next) {
  const msg = rekeyProofMessage(cellId, from.signPk, next.signPk, next.boxPk);
  return signDetached(signer.signSk, LABELS.rekeyProof, msg);
}

export const FAR_FUTURE = 4_000_000_000_000;

/**
 * A cell under test. `op` defaults its heads to the current frontier of everything authored so
 * far (a linear history); pass heads explicitly to make concurrent branches.
 */
export class TestCell {
  readonly cellId: Uint8Array;
  readonly genesisId: string;
  readonly bytes = new Map<string, Uint8Array>();
  private readonly heads = new Map<string, readonly string[]>();

  constructor(
    readonly creator: Actor,
    cellName = 'Samizdat',
    salt: Uint8Array = new Uint8Array(16).fill(3),
  ) {
    const g = createGenesisOp(creator, creator.name, cellName, salt);
    if (!g.ok) throw new Error(`genesis: ${g.error}`);
    this.cellId = g.value.cellId;
    this.genesisId = g.value.opId;
    this.bytes.set(g.value.opId, g.value.bytes);
    this.heads.set(g.value.opId, []);
  }

  /** Ops nobody references yet. */
  frontier(within: Iterable<string> = this.bytes.keys()): string[] {
    const ids = new Set(within);
    const referenced = new Set<string>();
    for (const id of ids) for (const h of this.heads.get(id) ?? []) referenced.add(h);
    return [...ids].filter((id) => !referenced.has(id)).sort();
  }

  op(author: Actor, body: RosterOpBody, heads: readonly string[] = this.frontier()): string {
    const r = createRosterOp(this.cellId, author, heads, body);
    if (!r.ok) throw new Error(`createRosterOp: ${r.error} ${r.detail ?? ''}`);
    this.bytes.set(r.value.opId, r.value.bytes);
    this.heads.set(r.value.opId, [...heads]);
    return r.value.opId;
  }

  invite(
    author: Actor,
    label: string,
    role: Role = 'member',
    expiresAt = FAR_FUTURE,
    heads?: string[],
  ) {
    const inviteId = inviteIdFor(label);
    const opId = this.op(author, { type: 'invite', inviteId, role, expiresAt }, heads);
    return { opId, inviteId };
  }

  admit(
    author: Actor,
    joiner: Actor,
    inviteId: Uint8Array,
    opts: { role?: Role; admittedAt?: number; heads?: string[]; proof?: Uint8Array } = {},
  ): string {
    const body: RosterOpBody = {
      type: 'admit',
      inviteId,
      memberSignPk: joiner.signPk,
      memberBoxPk: joiner.boxPk,
      pseudonym: joiner.name,
      role: opts.role ?? 'member',
      historyAccess: false,
      admittedAt: opts.admittedAt ?? 1_000,
      joinProof: opts.proof ?? joinProof(joiner, inviteId),
    };
    return this.op(author, body, opts.heads);
  }

  /** invite + admit by the same coordinator, linear. */
  join(coordinator: Actor, joiner: Actor, role: Role = 'member'): string {
    const { inviteId } = this.invite(coordinator, `for-${joiner.name}`, role);
    return this.admit(coordinator, joiner, inviteId, { role });
  }

  remove(author: Actor, member: Actor, heads?: string[]): string {
    return this.op(author, { type: 'remove', member: member.signPk }, heads);
  }

  setRole(author: Actor, member: Actor, role: Role, heads?: string[]): string {
    return this.op(author, { type: 'set-role', member: member.signPk, role }, heads);
  }

  /** `author` moves itself to `next`'s keys; the proof is `next`'s unless `proof` is given. */
  rekey(author: Actor, next: Actor, heads?: string[], proof?: Uint8Array): string {
    const body: RosterOpBody = {
      type: 'rekey',
      newSignPk: next.signPk,
      newBoxPk: next.boxPk,
      proof: proof ?? rekeyProof(this.cellId, author, next),
    };
    return this.op(author, body, heads);
  }

  /** A rotate sealed for real to everyone on the author's view of the roster at `heads`. */
  rotate(author: Actor, epochKey: Uint8Array, heads: readonly string[] = this.frontier()): string {
    const view = this.roster(this.closure(heads));
    const recipients = [...view.members.values()].map((m) => ({
      signPk: m.signPk,
      boxPk: m.boxPk,
      kind: m.role === 'relay' ? ('relay' as const) : ('member' as const),
    }));
    const wraps = sealEpochWraps(this.cellId, view.epoch + 1, epochKey, recipients);
    if (!wraps.ok) throw new Error(wraps.error);
    return this.op(author, { type: 'rotate', newEpoch: view.epoch + 1, wraps: wraps.value }, heads);
  }

  /** A rotate with explicit (possibly wrong) wraps; sealed bytes are filler. */
  rawRotate(
    author: Actor,
    newEpoch: number,
    to: Array<[Actor, 'member' | 'relay']>,
    heads?: string[],
  ) {
    const wraps: EpochWrap[] = to
      .map(([a, kind]) => ({
        recipient: a.signPk,
        kind,
        sealed: new Uint8Array(WRAP_SEALED_BYTES),
      }))
      .sort((x, y) => (toHex(x.recipient) < toHex(y.recipient) ? -1 : 1));
    return this.op(author, { type: 'rotate', newEpoch, wraps }, heads);
  }

  /** Every op id in the causal past of `heads`, the heads included. */
  closure(heads: readonly string[]): string[] {
    const out = new Set<string>();
    const stack = [...heads];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(this.heads.get(id) ?? []));
    }
    return [...out];
  }

  get(id: string): Uint8Array {
    const b = this.bytes.get(id);
    if (!b) throw new Error(`no op ${id}`);
    return b;
  }

  roster(ids: Iterable<string> = this.bytes.keys(), cache?: RosterCache): Roster {
    return computeRoster(
      [...ids].map((id) => this.get(id)),
      cache ? { cellId: this.cellId, cache } : { cellId: this.cellId },
    );
  }
}

export function reasonOf(roster: Roster, opId: string): string | undefined {
  return roster.rejected.find((r) => r.opId === opId)?.reason;
}

export const counted = (roster: Roster, opId: string): boolean => roster.applied.includes(opId);

/** A canonical string of everything a roster says: equal digests mean equal rosters. */
export function rosterDigest(r: Roster): string {
  const sorted = <V>(m: ReadonlyMap<string, V>): Array<[string, V]> =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({
    ...r,
    members: sorted(r.members).map(([k, m]) => [
      k,
      { ...m, signPk: toHex(m.signPk), boxPk: toHex(m.boxPk) },
    ]),
    removed: [...r.removed].sort(),
    left: [...r.left].sort(),
    rekeyed: sorted(r.rekeyed),
    rekeyConflicts: sorted(r.rekeyConflicts),
    epochs: r.epochs.map((e) => ({ ...e, rolesAtEnd: e.rolesAtEnd && sorted(e.rolesAtEnd) })),
    invites: sorted(r.invites),
  });
}

/** Deterministic Fisher-Yates with a tiny LCG: a different order per `seed`. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
