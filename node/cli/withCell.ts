import { toHex } from '../../shared/crypto/bytes.ts';
import type { Role } from '../../shared/roster/RosterOp.ts';
import { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import { openFinishingRekey } from '../../shared/runtime/openFinishingRekey.ts';
import type { CellRecord } from '../../shared/runtime/Keyring.ts';
import type { Scheduler } from '../../shared/sync/Scheduler.ts';
import type { Transport } from '../../shared/transport/Transport.ts';
import { failure, type CommandResult } from './CommandResult.ts';
import type { Home } from './Home.ts';

/** The member cell `--cell` names (its id in hex, any case). */
export function findCell(home: Home, cellArg: string): CellRecord | undefined {
  const id = cellArg.trim().toLowerCase();
  return home.records().find((r) => r.kind === 'member' && r.cellIdHex === id);
}

/**
 * Opens one cell's runtime (offline without a transport), runs `fn`, and always closes it: edits
 * are flushed and persisted. A rekey interrupted half-way is finished first (openFinishingRekey). `fn`
 * may close the runtime itself (a rekey does).
 */
export async function withCell(
  home: Home,
  cellArg: string,
  transport: Transport | undefined,
  fn: (cell: CellRuntime) => Promise<CommandResult>,
  scheduler?: Scheduler,
): Promise<CommandResult> {
  const record = findCell(home, cellArg);
  if (!record) return failure('failed', `no cell ${cellArg} in this home`);
  const cell = await openFinishingRekey(record, {
    sealed: home.vault.store,
    save: (r) => home.upsert(r),
    open: (r) =>
      CellRuntime.open({
        record: r,
        sealed: home.vault.store,
        ...(transport ? { transport } : {}),
        ...(scheduler ? { scheduler } : {}),
        saveRecord: (x) => home.upsert(x),
      }),
  });
  try {
    return await fn(cell);
  } finally {
    await cell.close();
  }
}

/** Our role in the cell's current roster (undefined once removed). */
export const myRole = (cell: CellRuntime): Role | undefined =>
  cell.currentRoster().members.get(toHex(cell.me.signPk))?.role;

/** Content writes need the member or coordinator role: other members reject anything else. */
export function requireWriter(cell: CellRuntime): CommandResult | undefined {
  const role = myRole(cell);
  if (role === 'member' || role === 'coordinator') return undefined;
  return failure(
    'denied',
    role ? `a ${role} cannot write in this cell` : 'you are no longer a member of this cell',
  );
}

/** Governance (invites, removal) needs the coordinator role. */
export function requireCoordinator(cell: CellRuntime): CommandResult | undefined {
  return myRole(cell) === 'coordinator'
    ? undefined
    : failure('denied', 'only a coordinator can do this');
}

/**
 * A coordinator's offline edit of the cell (settings, rotation): opens it on the command's clock,
 * refuses anyone who is not a coordinator, runs `fn`. Published by the next `serve` or `sync`.
 */
export function asCoordinator(
  home: Home,
  cellArg: string,
  scheduler: Scheduler | undefined,
  fn: (cell: CellRuntime) => Promise<CommandResult>,
): Promise<CommandResult> {
  return withCell(
    home,
    cellArg,
    undefined,
    (cell) => {
      const denied = requireCoordinator(cell);
      return denied ? Promise.resolve(denied) : fn(cell);
    },
    scheduler,
  );
}

/** The current member with this pseudonym (exact, then case-insensitive); ambiguity is an error. */
export function findMember(
  cell: CellRuntime,
  pseudonym: string,
): { ok: true; hex: string } | { ok: false; result: CommandResult } {
  const members = Array.from(cell.currentRoster().members);
  const wanted = pseudonym.trim();
  const exact = members.filter(([, m]) => m.pseudonym === wanted);
  const matches =
    exact.length > 0
      ? exact
      : members.filter(([, m]) => m.pseudonym.toLowerCase() === wanted.toLowerCase());
  const [first, second] = matches;
  if (!first) return { ok: false, result: failure('failed', `no member named ${wanted}`) };
  if (second)
    return { ok: false, result: failure('failed', `several members are named ${wanted}`) };
  return { ok: true, hex: first[0] };
}
