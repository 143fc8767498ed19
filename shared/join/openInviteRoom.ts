import * as Y from 'yjs';
import { bytesEqual } from '../crypto/bytes.ts';
import { decodeInviteRoomMessage } from '../invite/decodeInviteRoomMessage.ts';
import { encodeInviteRoomMessage } from '../invite/encodeInviteRoomMessage.ts';
import { MAX_INVITE_ROOM_FRAME_BYTES } from '../invite/InviteRoomMessage.ts';
import type { Room, Transport } from '../transport/Transport.ts';
import { err, ok, type Result } from '../util/result.ts';
import { inviteFrameKey } from './inviteFrameKey.ts';
import type { InviteRoom } from './InviteRoom.ts';
import { DEFAULT_MAX_EXAMINED_BYTES, type InviteRoomOptions } from './InviteRoomOptions.ts';
import { isRendezvousInvites } from './InviteTransport.ts';
import { openRendezvousInviteRoom } from './openRendezvousInviteRoom.ts';

export { DEFAULT_MAX_EXAMINED_BYTES, type InviteRoomOptions };

/** Name of the Y.Map (frame key -> frame bytes) that is the invite room's whole wire doc. */
export const INVITE_ROOM_MAP = 'frames';

const sameBytes = (value: unknown, bytes: Uint8Array): boolean =>
  value instanceof Uint8Array && bytesEqual(value, bytes);

/**
 * Opens the invite room over what the caller gave: the rendezvous pub/sub alone
 * (openRendezvousInviteRoom: no WebRTC, what the app and the CLI use), or a wire doc on a mesh
 * Transport (in-memory simulations).
 */
export function openInviteRoom(o: InviteRoomOptions): Result<InviteRoom, 'transport'> {
  const t = o.transport;
  return isRendezvousInvites(t) ? openRendezvousInviteRoom(o, t) : openMeshInviteRoom(o, t);
}

/**
 * Joins an invite room with a fresh wire doc. Every value in it is untrusted: it must be bytes,
 * at most one welcome frame in size, a well-formed frame, and stored under its own content
 * address; anything else is counted and dropped, never thrown. Own frames are re-inserted if a
 * peer removes them, so a request or an answer survives anyone holding s deleting it.
 */
function openMeshInviteRoom(
  o: InviteRoomOptions,
  transport: Transport,
): Result<InviteRoom, 'transport'> {
  const doc = new Y.Doc({ gc: true });
  const map = doc.getMap<unknown>(INVITE_ROOM_MAP);
  const own = new Map<string, Uint8Array>();
  const examined = new Set<string>();
  const c = o.counters;
  const budget = o.maxExaminedBytes ?? DEFAULT_MAX_EXAMINED_BYTES;
  let examinedBytes = 0;
  let closed = false;
  // Frames are handled only once join() has returned, so handlers may use the room.
  let ready = false;

  // Yjs observers run at the end of a transaction: writes are deferred to a fresh one.
  const putLater = (key: string, frame: Uint8Array): void => {
    queueMicrotask(() => {
      if (!closed && !sameBytes(map.get(key), frame)) map.set(key, frame);
    });
  };

  const examine = (key: string): void => {
    const value = map.get(key);
    const mine = own.get(key);
    if (mine !== undefined) {
      if (!sameBytes(value, mine)) {
        c.reinserted++;
        putLater(key, mine);
      }
      return;
    }
    // Already handled under this key (its content is fixed by the key), or a deletion.
    if (examined.has(key) || value === undefined) return;
    if (!(value instanceof Uint8Array)) return c.drop('frame.not_bytes');
    const decoded = decodeInviteRoomMessage(value); // size cap first
    if (!decoded.ok) return c.drop(`frame.${decoded.error}`);
    if (!o.accept.includes(decoded.value.kind)) {
      c.ignored++;
      return;
    }
    if (examinedBytes + value.length > budget) return c.drop('frame.over_budget');
    examinedBytes += value.length;
    if (key !== inviteFrameKey(value)) return c.drop('frame.bad_key');
    examined.add(key);
    try {
      o.onMessage(decoded.value);
    } catch {
      // A bug in a handler must not unwind through Yjs's transaction cleanup.
      c.drop('frame.handler_error');
    }
  };

  map.observe((event) => {
    if (closed || !ready) return;
    for (const key of event.keysChanged as Set<string>) examine(key);
  });

  let room: Room;
  try {
    room = transport.join(
      {
        roomName: o.secrets.roomName,
        password: o.secrets.roomPassword,
        signaling: o.signaling,
        ...(o.iceServers === undefined ? {} : { iceServers: o.iceServers }),
        ...(o.relayOnly === undefined ? {} : { relayOnly: o.relayOnly }),
      },
      doc,
    );
  } catch (e) {
    closed = true;
    doc.destroy();
    return err('transport', e instanceof Error ? e.message : String(e));
  }

  queueMicrotask(() => {
    ready = true;
    if (!closed) for (const key of Array.from(map.keys())) examine(key);
  });

  return ok({
    publish(message) {
      const frame = encodeInviteRoomMessage(message);
      if (frame.length > MAX_INVITE_ROOM_FRAME_BYTES || closed) return false;
      const key = inviteFrameKey(frame);
      own.set(key, frame);
      putLater(key, frame);
      return true;
    },
    status: () => room.status(),
    close() {
      if (closed) return;
      closed = true;
      room.close();
      doc.destroy();
    },
  });
}
