import { toHex } from '../../shared/crypto/bytes.ts';
import { createIdentity } from '../../shared/identity/createIdentity.ts';
import { memberColour } from '../../shared/identity/memberColour.ts';
import { safetyWords } from '../../shared/identity/safetyWords.ts';
import {
  INVITE_CONNECT_JITTER_MS,
  type RendezvousInvites,
} from '../../shared/join/InviteTransport.ts';
import { joinWithCode } from '../../shared/join/joinWithCode.ts';
import type { Platform } from '../../shared/platform/Platform.ts';
import { createCellRecord, recordFromWelcome } from '../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import { openFinishingRekey } from '../../shared/runtime/openFinishingRekey.ts';
import { rekeySelf } from '../../shared/runtime/rekeySelf.ts';
import { SeenStore } from '../../shared/seen/SeenStore.ts';
import { loadKeyring, saveKeyring, type CellRecord } from '../../shared/runtime/Keyring.ts';
import type { Storage } from '../../shared/storage/Storage.ts';
import type { Transport } from '../../shared/transport/Transport.ts';
import { err, ok } from '../../shared/util/result.ts';
import { startChaffTimer } from '../../shared/vault/startChaffTimer.ts';
import type { Vault } from '../../shared/vault/Vault.ts';
import type { AppSession, CellSummary, JoinState } from './AppSession.ts';
import { heldWelcome } from './heldWelcome.ts';
import { removeCellRows } from './removeCellRows.ts';
import { browserSignalingSockets } from './browserSignalingSockets.ts';
import { browserTransport } from './browserTransport.ts';
import { waitingRequests } from './waitingRequests.ts';
import { createCellSession, type OpenCellSession } from './createCellSession.ts';

const JOIN_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The session layer over an unlocked vault: the keyring of cell records (one sealed row), one
 * CellRuntime per open cell, invites and joins. Locking closes every cell before the vault's keys
 * are zeroed.
 */
export async function openAppSession(
  vault: Vault,
  _storage: Storage,
  _platform: Platform,
  transport: Transport = browserTransport(),
  invites: RendezvousInvites = {
    sockets: browserSignalingSockets(),
    connectJitterMs: INVITE_CONNECT_JITTER_MS,
  },
): Promise<AppSession> {
  const loaded = await loadKeyring(vault.store);
  if (!loaded.ok) throw new Error('The keyring could not be read; nothing was changed.');
  let records: CellRecord[] = loaded.value;
  const open = new Map<string, Promise<OpenCellSession>>();
  /** Open sessions once ready, for the sidebar's count of waiting join requests. */
  const ready = new Map<string, OpenCellSession>();
  const listeners = new Set<() => void>();
  let saving: Promise<void> = Promise.resolve();
  // Chaff on a timer while unlocked, as every vault does (docs/THREAT_MODEL.md, Coerced unlock).
  const stopChaff = startChaffTimer(vault);

  // Every keyring write goes through one queue: the keyring is a single sealed row.
  const save = (): Promise<void> => {
    const snapshot = records;
    saving = saving.then(() => saveKeyring(vault.store, snapshot));
    return saving;
  };
  const upsert = (record: CellRecord): Promise<void> => {
    records = [...records.filter((r) => r.cellIdHex !== record.cellIdHex), record];
    for (const l of listeners) l();
    return save();
  };
  const summary = (r: CellRecord): CellSummary => ({
    cellIdHex: r.cellIdHex,
    name: r.name,
    pseudonym: r.identity.pseudonym,
    // From the first key: a re-key keeps the member's colour (createCellSession does the same).
    colour: memberColour(r.retired?.[0]?.signPk ?? r.identity.signPk),
    waiting: ((s) => (s ? waitingRequests(s) : 0))(ready.get(r.cellIdHex)),
  });
  /** Keeps the sidebar's count current: a request arrives or is answered in an open cell. */
  const track = (cellIdHex: string, session: OpenCellSession): OpenCellSession => {
    ready.set(cellIdHex, session);
    session.governance?.onChange(() => {
      if (ready.get(cellIdHex) === session) for (const l of listeners) l();
    });
    return session;
  };
  const runtimeFor = (record: CellRecord): Promise<CellRuntime> =>
    CellRuntime.open({ record, sealed: vault.store, transport, saveRecord: (r) => upsert(r) });
  const sessionFor = (cellIdHex: string, runtime: CellRuntime): OpenCellSession =>
    track(
      cellIdHex,
      createCellSession(runtime, invites, {
        rekey: (cell) => rekeyCell(cellIdHex, cell),
        reconnect: () => reopenCell(cellIdHex),
        seen: new SeenStore(vault.store, cellIdHex),
      }),
    );
  /**
   * "Reconnect now" after new connection settings: the open session closes (its rooms left) and
   * the cell opens again from its saved record; listeners (useCellSession) pick up the new one.
   */
  const reopenCell = async (cellIdHex: string): Promise<void> => {
    const opening = open.get(cellIdHex);
    open.delete(cellIdHex);
    ready.delete(cellIdHex);
    if (opening) await opening.then((s) => s.close()).catch(() => undefined);
    for (const l of listeners) l();
  };
  /** A self re-key: the cell comes back as a new session under the new keys (or as it was). */
  const rekeyCell = async (cellIdHex: string, cell: CellRuntime): Promise<boolean> => {
    const result = await rekeySelf(cell, {
      sealed: vault.store,
      saveRecord: upsert,
      reopen: runtimeFor,
    }).catch(() => undefined);
    if (result?.ok)
      open.set(cellIdHex, Promise.resolve(sessionFor(cellIdHex, result.value.runtime)));
    else {
      await cell.close();
      open.delete(cellIdHex);
    }
    for (const l of listeners) l();
    return result?.ok ?? false;
  };

  return {
    cells: () => records.map(summary),
    onCellsChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    createCell: async ({ name, pseudonym, signaling }) => {
      const cellName = name.trim();
      if (cellName.length === 0 || cellName.length > 100) return err('invalid_name');
      if (signaling.length === 0) return err('no_rendezvous');
      const identity = createIdentity(pseudonym);
      if (!identity.ok) return err('invalid_pseudonym');
      const record = createCellRecord({ identity: identity.value, name: cellName, signaling });
      if (!record.ok) return err('invalid_name');
      await upsert(record.value);
      return ok(record.value.cellIdHex);
    },
    openCell: (cellIdHex) => {
      const existing = open.get(cellIdHex);
      if (existing) return existing;
      const record = records.find((r) => r.cellIdHex === cellIdHex);
      if (!record) return Promise.reject(new Error('unknown cell'));
      // A re-key interrupted half-way is finished before anything else signs.
      const opening = openFinishingRekey(record, {
        sealed: vault.store,
        save: upsert,
        open: runtimeFor,
      }).then((runtime) => sessionFor(cellIdHex, runtime));
      open.set(cellIdHex, opening);
      return opening;
    },
    join: async (code, pseudonym, onState, signal) => {
      const identity = createIdentity(pseudonym);
      if (!identity.ok) return err('invalid_code');
      const words = safetyWords(identity.value.signPk, identity.value.boxPk);
      const result = await joinWithCode({
        code,
        transport: invites,
        identity: identity.value,
        pseudonym: identity.value.pseudonym,
        timeoutMs: JOIN_TIMEOUT_MS,
        onState: (s) => onState(s.status, { safetyWords: words }),
        ...(signal ? { signal } : {}),
      });
      if (!result.ok) {
        const state: JoinState =
          result.error === 'cancelled'
            ? signal?.aborted === true
              ? 'cancelled'
              : 'invalid_code'
            : result.error === 'invalid_argument' || result.error === 'transport'
              ? 'invalid_code'
              : result.error;
        return err(state);
      }
      const v = result.value;
      const record = recordFromWelcome(v.welcome, identity.value);
      if (!record.ok || v.coordinatorSafetyWords === undefined) return err('invalid_code');
      return ok(
        heldWelcome(record.value, {
          cellName: v.cellName ?? record.value.name,
          coordinatorPseudonym: v.coordinatorPseudonym ?? '',
          coordinatorWords: v.coordinatorSafetyWords,
          coordinatorSignPkHex: toHex(v.coordinatorSignPk),
          keep: async (kept) => {
            await upsert(kept);
            return kept.cellIdHex;
          },
        }),
      );
    },
    removeCellFromDevice: async (cellIdHex) => {
      const opening = open.get(cellIdHex);
      open.delete(cellIdHex);
      ready.delete(cellIdHex);
      if (opening) await opening.then((s) => s.close()).catch(() => undefined);
      // Rows first: if that fails the cell is still listed, and removing it again finishes.
      await removeCellRows(vault.store, cellIdHex);
      records = records.filter((r) => r.cellIdHex !== cellIdHex);
      for (const l of listeners) l();
      await save();
      // Its rows and its keyring entry are still in the database's files until they move.
      await vault.store.purgeResidue().catch(() => undefined);
    },
    lock: async () => {
      stopChaff();
      const sessions = await Promise.allSettled(open.values());
      open.clear();
      ready.clear();
      for (const s of sessions) if (s.status === 'fulfilled') await s.value.close();
      await saving;
      records = [];
    },
  };
}
