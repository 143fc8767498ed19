/** Why a room cannot be joined. Configuration faults, never bad bytes from the network. */
export const TRANSPORT_ERROR_CODES = [
  /** This JS context already has a room by that name (y-webrtc allows one). */
  'room_already_joined',
  'bad_room_name',
  /** No rendezvous URL: y-webrtc would fall back to its public default, which must never happen. */
  'no_signaling',
  'bad_signaling_url',
  /** Without a password y-webrtc signals in clear and skips decryption. */
  'no_password',
  /** relayOnly without a TURN server could never connect. */
  'relay_only_without_turn',
  /** No global WebSocket for y-webrtc's rendezvous client (in Node, use node/transport). */
  'no_websocket',
] as const;

export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    readonly code: TransportErrorCode,
    detail?: string,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
  }
}
