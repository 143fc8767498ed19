import { toHex } from '../crypto/bytes.ts';
import { buildOpGraph } from './buildOpGraph.ts';
import { computePastStates } from './computePastStates.ts';
import type {
  Roster,
  RosterDeparture,
  RosterEpoch,
  RosterInvite,
  RosterMember,
  RosterRejection,
} from './Roster.ts';
import { createRosterCache, type RosterCache } from './RosterCache.ts';
import { replaySet } from './replaySet.ts';
import { rosterEvents } from './rosterEvents.ts';
import { currentEpoch, emptyState } from './RosterState.ts';

export interface ComputeRosterOptions {
  readonly cellId: Uint8Array;
  /** Keep one per cell across calls to make recomputation incremental (see RosterCache). */
  readonly cache?: RosterCache;
}

/**
 * The roster of a cell from any set of its ops (encoded, any order, duplicates allowed): a pure
 * function of the set. Bad bytes and unauthorised ops are reported in `rejected`, never thrown.
 */
export function computeRoster(ops: Iterable<Uint8Array>, options: ComputeRosterOptions): Roster {
  const cellIdHex = toHex(options.cellId);
  const cache =
    options.cache?.cellIdHex === cellIdHex ? options.cache : createRosterCache(cellIdHex);
  const g = buildOpGraph(options.cellId, ops, cache);
  const pasts = computePastStates(g, cache);
  const result = replaySet(
    g,
    g.ops.map((op) => op.index),
    (i) => pasts[i] ?? emptyState(),
  );
  const s = result.state;
  const rejected: RosterRejection[] = [...g.rejected];
  for (const [i, v] of result.verdicts) {
    const op = g.ops[i];
    if (op && v !== 'ok') rejected.push({ opId: op.opId, reason: v });
  }
  rejected.sort((a, b) => (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0));
  const members = new Map<string, RosterMember>();
  for (const [k, m] of s.members)
    members.set(k, {
      signPk: m.signPk,
      boxPk: m.boxPk,
      identityBoxPk: m.identityBoxPk,
      pseudonym: m.pseudonym,
      role: m.role,
      admittedBy: m.admittedBy,
      joinedAt: m.joinedAt,
      historyAccess: m.historyAccess,
      keyEpoch: m.keyEpoch,
      keyFrom: m.keyFrom,
    });
  const epoch = currentEpoch(s);
  // Judged by which secret is held, not by epoch number: a joiner admitted after a rotate that
  // lost to a concurrent one holds a secret of the right number that nobody else uses.
  const currentKey = s.epochs[epoch]?.rotateOpId;
  const departed = [...s.departed.entries()];
  return {
    cellId: cellIdHex,
    genesisId: s.genesisId,
    cellName: s.cellName,
    members,
    removed: new Set(
      departed
        .filter(([, d]) => d.kind === 'removed' || d.kind === 'rekey_conflict')
        .map(([k]) => k),
    ),
    left: new Set(departed.filter(([, d]) => d.kind === 'left').map(([k]) => k)),
    departed: new Map(
      departed.map(([k, d]): [string, RosterDeparture] => [
        k,
        { kind: d.kind, pseudonym: d.member.pseudonym, opId: d.opId },
      ]),
    ),
    events: rosterEvents(result.applied.flatMap((i) => g.ops[i] ?? [])),
    rekeyed: new Map(departed.flatMap(([k, d]) => (d.successor ? [[k, d.successor]] : []))),
    rekeyConflicts: new Map(
      departed.flatMap(([k, d]): Array<[string, string]> =>
        d.kind === 'rekey_conflict' ? [[k, d.member.pseudonym]] : [],
      ),
    ),
    epoch,
    epochs: s.epochs.map((e): RosterEpoch => ({ ...e })),
    invites: new Map([...s.invites].map(([k, inv]): [string, RosterInvite] => [k, { ...inv }])),
    applied: result.applied.map((i) => g.ops[i]?.opId ?? ''),
    rejected,
    missing: g.missing,
    rotationNeeded: departed.some(([, d]) => d.keyFrom === currentKey),
    keyMissing: [...s.members]
      .filter(([, m]) => m.keyFrom !== currentKey)
      .map(([k]) => k)
      .sort(),
  };
}
