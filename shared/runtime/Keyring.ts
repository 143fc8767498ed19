import { z } from 'zod';
import { fromHex, toHex } from '../crypto/bytes.ts';
import { sodium } from '../crypto/sodium.ts';
import type { Identity } from '../identity/createIdentity.ts';
import { isColour } from '../identity/palette.ts';
import type { IceServer } from '../transport/Transport.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { SealedStore } from '../vault/SealedStore.ts';

const KEYRING = 'keyring';
const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const b64 = z
  .string()
  .max(200_000)
  .regex(/^[A-Za-z0-9_-]*$/);

const iceSchema = z.object({
  urls: z.union([z.string().max(512), z.array(z.string().max(512)).max(8)]),
  username: z.string().max(256).optional(),
  credential: z.string().max(256).optional(),
});

const inviteSchema = z.object({
  secret: hex(32),
  role: z.enum(['coordinator', 'member', 'reader', 'relay']),
  expiresAt: z.number().int().nonnegative(),
  note: z.string().max(500),
});

const identitySchema = z.object({
  pseudonym: z.string().min(1).max(200),
  colour: z.string().refine(isColour),
  signPk: hex(32),
  signSk: hex(64),
  boxPk: hex(32),
  boxSk: hex(32),
});

/** An identity re-keyed away from: no signing key (never sign with it again). */
const retiredSchema = z.object({
  signPk: hex(32),
  boxPk: hex(32),
  /** Gone once the history horizon passed every epoch sealed to it (boxKeysToKeep.ts). */
  boxSk: hex(32).optional(),
  /** The rekey op that moved away from it; absent in older keyrings. */
  replacedBy: hex(16).optional(),
});

/** A box key this identity replaced with a `rebox` op (reboxSelf.ts), kept until the horizon. */
const formerBoxSchema = z.object({ boxPk: hex(32), boxSk: hex(32), replacedBy: hex(16) });

const recordSchema = z.object({
  cellId: hex(16),
  kind: z.enum(['member', 'relay']),
  identity: identitySchema,
  /** Fresh keys of a rekey in progress (rekeySelf.ts); absent in older keyrings. */
  pendingIdentity: identitySchema.optional(),
  retired: z.array(retiredSchema).max(64).optional(),
  formerBoxKeys: z.array(formerBoxSchema).max(1024).optional(),
  /** epoch -> K_e (members) or transport root (relays). */
  epochKeys: z.record(z.string().regex(/^\d{1,10}$/), hex(32)),
  signaling: z.array(z.string().max(512)).max(8),
  iceServers: z.array(iceSchema).max(8),
  relayOnly: z.boolean(),
  name: z.string().max(500),
  invites: z.array(inviteSchema).max(500),
  rosterOps: z.array(b64).max(20_000),
  verified: z.array(hex(32)).max(10_000),
  /** History horizon (HistoryHorizon.ts); absent in older keyrings. */
  horizonFloor: z.number().int().nonnegative().max(0xffffffff).optional(),
  horizonSince: z.number().int().nonnegative().optional(),
  epochSince: z
    .object({
      epoch: z.number().int().nonnegative().max(0xffffffff),
      at: z.number().int().nonnegative(),
    })
    .optional(),
});

const keyringSchema = z.object({ v: z.literal(1), cells: z.array(recordSchema).max(1000) });

export type InviteRecord = z.infer<typeof inviteSchema>;

/**
 * An identity this device re-keyed away from ("my device was out of my hands"). Its signing key is
 * dropped: whoever imaged the device has it, and we must never sign with it again. The box secret
 * is kept only to open an epoch wrap a rotate concurrent with the rekey sealed to the old key
 * (whoever imaged the device can open that one too, so keeping it exposes nothing new).
 */
export interface RetiredIdentity {
  readonly signPk: Uint8Array;
  readonly boxPk: Uint8Array;
  /** Destroyed once the history horizon passed every epoch sealed to it (boxKeysToKeep.ts). */
  readonly boxSk?: Uint8Array;
  /** opId of the rekey that moved away from it (absent in older keyrings: kept for good). */
  readonly replacedBy?: string;
}

/**
 * A box key pair this identity replaced with its `rebox` op `replacedBy` (reboxSelf.ts). Kept
 * while anything this device has not forgotten may be sealed to it (a rotate concurrent with the
 * rebox, the welcome), destroyed once the history horizon passed all of it (boxKeysToKeep.ts).
 */
export interface FormerBoxKey {
  readonly boxPk: Uint8Array;
  readonly boxSk: Uint8Array;
  readonly replacedBy: string;
}

/** Everything this device keeps about one cell, sealed inside the keyring. */
export interface CellRecord {
  readonly cellId: Uint8Array;
  readonly cellIdHex: string;
  readonly kind: 'member' | 'relay';
  readonly identity: Identity;
  /**
   * The fresh identity of a rekey this device started and has not finished (persisted before the
   * rekey op leaves the device, so a crash cannot lose the new keys; rekeySelf.finishRekey).
   */
  readonly pendingIdentity?: Identity | undefined;
  /** Identities this device re-keyed away from, oldest first. */
  readonly retired?: readonly RetiredIdentity[];
  /** Box keys of the current identity replaced by its reboxes, oldest first. */
  readonly formerBoxKeys?: readonly FormerBoxKey[];
  readonly epochKeys: ReadonlyMap<number, Uint8Array>;
  readonly signaling: readonly string[];
  readonly iceServers: readonly IceServer[];
  readonly relayOnly: boolean;
  /** Cached from the roster for the sidebar. */
  readonly name: string;
  /** Invites this device created and still hosts (coordinator only). */
  readonly invites: readonly InviteRecord[];
  /** The roster ops this device holds (also carried in roster envelopes). */
  readonly rosterOps: readonly Uint8Array[];
  /** Members whose safety words this user compared. */
  readonly verified: readonly string[];
  /**
   * History horizon: epochs below this one were forgotten (keys, stored envelopes, rooms) and are
   * never taken back from the roster's wraps (HistoryHorizon.ts).
   */
  readonly horizonFloor?: number;
  /**
   * When (ms) this device first kept the history horizon for the cell: versions are not deleted
   * until the versions panel could warn about them for VERSION_WARNING_MS (an upgrade).
   */
  readonly horizonSince?: number;
  /** When (ms) this device started writing in the epoch it writes in now. */
  readonly epochSince?: { readonly epoch: number; readonly at: number };
}

const identityJson = (i: Identity): z.infer<typeof identitySchema> => ({
  pseudonym: i.pseudonym,
  colour: i.colour,
  signPk: toHex(i.signPk),
  signSk: toHex(i.signSk),
  boxPk: toHex(i.boxPk),
  boxSk: toHex(i.boxSk),
});

function identityFromJson(j: z.infer<typeof identitySchema>): Identity {
  const b = (h: string) => fromHex(h) ?? new Uint8Array();
  return {
    pseudonym: j.pseudonym,
    colour: j.colour,
    signPk: b(j.signPk),
    signSk: b(j.signSk),
    boxPk: b(j.boxPk),
    boxSk: b(j.boxSk),
  };
}

function toJson(r: CellRecord): z.infer<typeof recordSchema> {
  const s = sodium();
  return {
    cellId: r.cellIdHex,
    kind: r.kind,
    identity: identityJson(r.identity),
    ...(r.pendingIdentity ? { pendingIdentity: identityJson(r.pendingIdentity) } : {}),
    ...(r.retired?.length
      ? {
          retired: r.retired.map((x) => ({
            signPk: toHex(x.signPk),
            boxPk: toHex(x.boxPk),
            ...(x.boxSk ? { boxSk: toHex(x.boxSk) } : {}),
            ...(x.replacedBy ? { replacedBy: x.replacedBy } : {}),
          })),
        }
      : {}),
    ...(r.formerBoxKeys?.length
      ? {
          formerBoxKeys: r.formerBoxKeys.map((x) => ({
            boxPk: toHex(x.boxPk),
            boxSk: toHex(x.boxSk),
            replacedBy: x.replacedBy,
          })),
        }
      : {}),
    epochKeys: Object.fromEntries(Array.from(r.epochKeys, ([e, k]) => [String(e), toHex(k)])),
    signaling: [...r.signaling],
    iceServers: r.iceServers.map((i) => ({
      ...i,
      urls: typeof i.urls === 'string' ? i.urls : [...i.urls],
    })),
    relayOnly: r.relayOnly,
    name: r.name,
    invites: [...r.invites],
    rosterOps: r.rosterOps.map((op) => s.to_base64(op, s.base64_variants.URLSAFE_NO_PADDING)),
    verified: [...r.verified],
    ...(r.horizonFloor !== undefined ? { horizonFloor: r.horizonFloor } : {}),
    ...(r.horizonSince !== undefined ? { horizonSince: r.horizonSince } : {}),
    ...(r.epochSince ? { epochSince: { ...r.epochSince } } : {}),
  };
}

function fromJson(j: z.infer<typeof recordSchema>): CellRecord {
  const s = sodium();
  const b = (h: string) => fromHex(h) ?? new Uint8Array();
  return {
    cellId: b(j.cellId),
    cellIdHex: j.cellId,
    kind: j.kind,
    identity: identityFromJson(j.identity),
    ...(j.pendingIdentity ? { pendingIdentity: identityFromJson(j.pendingIdentity) } : {}),
    ...(j.retired
      ? {
          retired: j.retired.map((x) => ({
            signPk: b(x.signPk),
            boxPk: b(x.boxPk),
            ...(x.boxSk ? { boxSk: b(x.boxSk) } : {}),
            ...(x.replacedBy ? { replacedBy: x.replacedBy } : {}),
          })),
        }
      : {}),
    ...(j.formerBoxKeys
      ? {
          formerBoxKeys: j.formerBoxKeys.map((x) => ({
            boxPk: b(x.boxPk),
            boxSk: b(x.boxSk),
            replacedBy: x.replacedBy,
          })),
        }
      : {}),
    epochKeys: new Map(Object.entries(j.epochKeys).map(([e, k]) => [Number(e), b(k)])),
    signaling: j.signaling,
    iceServers: j.iceServers,
    relayOnly: j.relayOnly,
    name: j.name,
    invites: j.invites,
    rosterOps: j.rosterOps.map((op) => s.from_base64(op, s.base64_variants.URLSAFE_NO_PADDING)),
    verified: j.verified,
    ...(j.horizonFloor !== undefined ? { horizonFloor: j.horizonFloor } : {}),
    ...(j.horizonSince !== undefined ? { horizonSince: j.horizonSince } : {}),
    ...(j.epochSince ? { epochSince: j.epochSince } : {}),
  };
}

/**
 * The keyring: every cell record of this installation in ONE sealed, padded directory row, so
 * neither the row count nor (within a 4 KiB step) its size shows how many cells exist.
 */
export async function loadKeyring(
  store: SealedStore,
): Promise<Result<CellRecord[], 'keyring_malformed'>> {
  const bytes = await store.getDirectory(KEYRING);
  if (!bytes) return ok([]);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const parsed = keyringSchema.safeParse(JSON.parse(text));
    // Never "start empty" on a damaged keyring: saving over it would destroy every cell's keys.
    return parsed.success ? ok(parsed.data.cells.map(fromJson)) : err('keyring_malformed');
  } catch {
    return err('keyring_malformed');
  }
}

export function saveKeyring(store: SealedStore, cells: readonly CellRecord[]): Promise<void> {
  const json = JSON.stringify({ v: 1, cells: cells.map(toJson) });
  return store.putDirectory(KEYRING, new TextEncoder().encode(json));
}
