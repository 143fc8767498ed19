import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { setRelayPolicy } from '../../shared/cell/setRelayPolicy.ts';
import { toHex } from '../../shared/crypto/bytes.ts';
import { validateRendezvousUrl } from '../../shared/invite/validateRendezvousUrl.ts';
import type { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import type { CellConnection, CellConnectionSettings } from './CellSession.ts';

/** Rendezvous URLs must be ws(s); relay-only needs at least one TURN server (else it cannot connect). */
function checkConnection(
  c: CellConnection,
): { ok: true } | { ok: false; error: 'bad_url' | 'no_rendezvous' | 'relay_only_needs_turn' } {
  if (c.signaling.length === 0) return { ok: false, error: 'no_rendezvous' };
  for (const url of c.signaling)
    if (!validateRendezvousUrl(url).ok) return { ok: false, error: 'bad_url' };
  for (const ice of c.iceServers)
    for (const u of ice.urls)
      if (!/^(stun|turns?):[^\s]{1,500}$/.test(u)) return { ok: false, error: 'bad_url' };
  if (c.relayOnly && !c.iceServers.some((i) => i.urls.some((u) => u.startsWith('turn')))) {
    return { ok: false, error: 'relay_only_needs_turn' };
  }
  return { ok: true };
}

const isCoordinator = (cell: CellRuntime): boolean =>
  cell.currentRoster().members.get(toHex(cell.me.signPk))?.role === 'coordinator';

/**
 * This device's connection settings for one cell, and the cell-wide relay-only setting. While
 * something requires relay-only (the member said she is inside, or the cell's setting), it
 * cannot be switched off here: a save keeps it on.
 */
export function createCellConnection(
  cell: CellRuntime,
  notify: () => void,
  reconnect?: () => Promise<void>,
): CellConnectionSettings {
  return {
    ...(reconnect ? { reconnect } : {}),
    get: () => {
      const r = cell.cellRecord;
      const required = cell.relay.reason();
      const policy = cell.relay.policy();
      return {
        signaling: r.signaling,
        iceServers: r.iceServers.map((i) => ({
          ...i,
          urls: typeof i.urls === 'string' ? [i.urls] : i.urls,
        })),
        relayOnly: r.relayOnly || required !== undefined,
        ...(required === undefined ? {} : { relayOnlyRequired: required }),
        cellPolicy: { ...policy, editable: isCoordinator(cell) },
      };
    },
    set: async (next) => {
      const relayOnly = next.relayOnly || cell.relay.reason() !== undefined;
      const checked = checkConnection({ ...next, relayOnly });
      if (!checked.ok) return checked;
      await cell.update({ signaling: next.signaling, iceServers: next.iceServers, relayOnly });
      notify();
      return { ok: true };
    },
    setCellPolicy: (on) => {
      if (!isCoordinator(cell)) return false;
      setRelayPolicy(cell.sync.doc(CELL_INDEX_DOC_ID), on);
      notify();
      return true;
    },
  };
}
