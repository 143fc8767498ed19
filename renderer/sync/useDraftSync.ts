import { useEffect, useState } from 'react';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import type { Result } from '../../shared/util/result.ts';
import type { SyncConfig, SyncConfigError } from './SyncConfig.ts';

/**
 * The one place the renderer meets the network. For now plain y-webrtc carries the cell doc;
 * the encrypted engine replaces this file and keeps its signature.
 */
export type SyncStatus =
  | { readonly kind: 'off'; readonly reason: SyncConfigError }
  | { readonly kind: 'on'; readonly signalingConnected: boolean; readonly peers: number };

interface Live {
  readonly signalingConnected: boolean;
  readonly peers: number;
}

const POLL_MS = 500;
/** y-webrtc allows one room per name per page and frees it asynchronously after destroy(). */
const releasing = new Map<string, Promise<void>>();
let droppedSignaling = 0;
let containing = false;

/** Signaling messages that failed to decrypt (a peer with another password on the same topic). */
export const droppedSignalingMessages = (): number => droppedSignaling;

// y-webrtc decrypts signaling in a promise it never catches: a wrong-password peer would raise
// an unhandled rejection per message. Count and swallow exactly those (WebCrypto OperationError).
function containSignalingRejections(): void {
  if (containing) return;
  containing = true;
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof DOMException && reason.name === 'OperationError') {
      event.preventDefault();
      droppedSignaling++;
    }
  });
}

const isOpen = (conn: unknown): boolean =>
  typeof conn === 'object' && conn !== null && 'connected' in conn && conn.connected === true;

function readLive(provider: WebrtcProvider): Live {
  const room = provider.room;
  let peers = room ? room.bcConns.size : 0;
  room?.webrtcConns.forEach((conn) => {
    if (conn.connected) peers++;
  });
  const conns: unknown[] = provider.signalingConns;
  return { signalingConnected: conns.some(isOpen), peers };
}

function openProvider(doc: Y.Doc, config: SyncConfig): WebrtcProvider {
  return new WebrtcProvider(config.room, doc, {
    // Always explicit: y-webrtc's public default rendezvous must never be contacted.
    signaling: [...config.signaling],
    password: config.password,
    // Explicit too: simple-peer would otherwise ask public STUN servers (and leak our address).
    peerOpts: { config: { iceServers: config.iceServers.map((urls) => ({ urls })) } },
  });
}

/** disconnect() before destroy(), or y-webrtc leaks the signaling socket. */
function closeProvider(provider: WebrtcProvider): Promise<void> {
  provider.disconnect();
  provider.destroy();
  // destroy() frees the room name in a callback on `key`; ours runs after it.
  return Promise.resolve(provider.key).then(
    () => undefined,
    () => undefined,
  );
}

/** The cell doc (drafts live in it) and the live state of its connection to peers. */
export function useDraftSync(config: Result<SyncConfig, SyncConfigError>): {
  readonly doc: Y.Doc;
  readonly status: SyncStatus;
} {
  const [doc] = useState(() => new Y.Doc());
  const [live, setLive] = useState<Live>({ signalingConnected: false, peers: 0 });

  useEffect(() => {
    if (!config.ok) return;
    containSignalingRejections();
    const { room } = config.value;
    let provider: WebrtcProvider | undefined;
    let timer: number | undefined;
    let cancelled = false;
    void (releasing.get(room) ?? Promise.resolve()).then(() => {
      if (cancelled) return;
      const opened = openProvider(doc, config.value);
      provider = opened;
      // y-webrtc has no event for "data channel open"; a short poll is simple and cheap.
      const refresh = (): void => {
        const next = readLive(opened);
        setLive((prev) =>
          prev.peers === next.peers && prev.signalingConnected === next.signalingConnected
            ? prev
            : next,
        );
      };
      refresh();
      timer = window.setInterval(refresh, POLL_MS);
    });
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      if (!provider) return;
      const released = closeProvider(provider);
      releasing.set(room, released);
      void released.then(() => {
        if (releasing.get(room) === released) releasing.delete(room);
      });
      setLive({ signalingConnected: false, peers: 0 });
    };
  }, [doc, config]);

  const status: SyncStatus = config.ok
    ? { kind: 'on', ...live }
    : { kind: 'off', reason: config.error };
  return { doc, status };
}
