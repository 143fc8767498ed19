import { err, ok, type Result } from '../util/result.ts';
import type { RoomConfig } from './Transport.ts';
import type { TransportErrorCode } from './TransportError.ts';

/** Longest room name the rendezvous server accepts as a topic. */
const MAX_ROOM_NAME = 128;
const SIGNALING_URL = /^wss?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/;

const urlsOf = (urls: string | readonly string[]): readonly string[] =>
  typeof urls === 'string' ? [urls] : urls;

/** Refuses a RoomConfig y-webrtc would accept but should never be given. */
export function checkRoomConfig(config: RoomConfig): Result<RoomConfig, TransportErrorCode> {
  const name: unknown = config.roomName;
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_ROOM_NAME)
    return err('bad_room_name');
  if (!Array.isArray(config.signaling) || config.signaling.length === 0) return err('no_signaling');
  for (const url of config.signaling as readonly unknown[])
    if (typeof url !== 'string' || !SIGNALING_URL.test(url))
      return err('bad_signaling_url', String(url));
  if (typeof config.password !== 'string' || config.password.length === 0)
    return err('no_password');
  if (config.relayOnly === true) {
    const turn = (config.iceServers ?? []).some((s) =>
      urlsOf(s.urls).some((u) => u.startsWith('turn:') || u.startsWith('turns:')),
    );
    if (!turn) return err('relay_only_without_turn');
  }
  return ok(config);
}
