import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** An ICE server as the cell's settings hold it (STUN or TURN). */
export interface IceServer {
  readonly urls: string | readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

/** Everything needed to join one wire-doc room. Derived from the epoch key; never the content key. */
export interface RoomConfig {
  /** Keyed room name (hex), the only thing a rendezvous server sees besides sealed signaling. */
  readonly roomName: string;
  /** y-webrtc `password`: protects signaling only. */
  readonly password: string;
  /** The cell's own rendezvous URLs. Never empty: y-webrtc's public default must never be used. */
  readonly signaling: readonly string[];
  readonly iceServers?: readonly IceServer[];
  /** Only relay (TURN) candidates: peers never learn this member's IP address. */
  readonly relayOnly?: boolean;
}

export interface RoomStatus {
  /** At least one rendezvous server connection is open. */
  readonly signalingConnected: boolean;
  /**
   * No rendezvous connection is open and every one has failed at least once since it last was
   * (so "not reachable" is a fact, not a first attempt still under way). Absent: not known.
   */
  readonly signalingFailed?: boolean;
  /** Directly connected WebRTC peers (connections still negotiating are not counted). */
  readonly peers: number;
  /**
   * WebRTC connections given up for not connecting in time since a peer was last connected:
   * members are there, but no connection works (with relay-only, a TURN server that is down).
   * Absent: not known, or none.
   */
  readonly failedConnections?: number;
}

/** One joined room: a wire doc kept in sync with the mesh, and an awareness channel. */
export interface Room {
  readonly doc: Y.Doc;
  /** Awareness state holds only a sealed, signed presence blob (see shared/envelope). */
  readonly awareness: Awareness;
  status(): RoomStatus;
  /** Called on each change (not with the current status); returns the unsubscribe function. */
  onStatus(listener: (status: RoomStatus) => void): () => void;
  /**
   * Leaves the room and releases every socket and connection (disconnect before destroy), and
   * destroys `awareness`; idempotent. The room name can be joined again at once. Destroying
   * `doc` closes the room too.
   */
  close(): void;
}

/** The transport port: y-webrtc in the app and the CLI, an in-memory network in simulations. */
export interface Transport {
  /**
   * Joins a room with the given wire doc. Joining a room name that is already joined (in this
   * JS context, for y-webrtc) is an error, as is a config without rendezvous URLs or password:
   * the y-webrtc adapter throws a TransportError with a code (or use its tryJoin for a Result).
   * Never throws on anything received from the network.
   */
  join(config: RoomConfig, doc: Y.Doc): Room;
}
