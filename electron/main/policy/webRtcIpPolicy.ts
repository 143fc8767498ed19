import type { WebRtcIpPolicy } from '../../../shared/platform/ipcContract.ts';

/**
 * Default: only the public interface is offered to peers (no LAN addresses). Relay-only, for
 * members inside the country: no UDP except through a proxy, so ICE falls back to TURN relays
 * and peers never learn the member's address.
 */
export const webRtcIpPolicy = (relayOnly: boolean): WebRtcIpPolicy =>
  relayOnly ? 'disable_non_proxied_udp' : 'default_public_interface_only';
