import { toHex } from '../../shared/crypto/bytes.ts';
import type { Identity } from '../../shared/identity/createIdentity.ts';
import type { Welcome } from '../../shared/invite/Welcome.ts';
import type { CellRecord } from '../../shared/runtime/Keyring.ts';
import { err, ok, type Result } from '../../shared/util/result.ts';

/**
 * The keyring record a relay keeps after a verified relay welcome: its identity, the transport
 * roots it was given (in `epochKeys`, as Keyring.ts documents for relays), the cell's rendezvous
 * and ICE config. No name, no roster, no content key: it never had them.
 */
export function relayRecordFromWelcome(
  welcome: Welcome,
  identity: Identity,
): Result<CellRecord, 'not_a_relay_welcome'> {
  if (welcome.variant !== 'relay') return err('not_a_relay_welcome');
  return ok({
    cellId: welcome.cellId,
    cellIdHex: toHex(welcome.cellId),
    kind: 'relay',
    identity,
    epochKeys: new Map(welcome.transportRoots.map((e) => [e.epoch, e.key])),
    signaling: welcome.config.rendezvousUrls,
    iceServers: welcome.config.iceServers,
    relayOnly: welcome.config.relayOnly,
    name: '',
    invites: [],
    rosterOps: [],
    verified: [],
  });
}
