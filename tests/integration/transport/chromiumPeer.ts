/**
 * Browser entry for chromium.test.ts (bundled there with vite): the same transport and wire doc
 * as peer.ts, on Chromium's own RTCPeerConnection and WebSocket, exposed as `window.quirePeer`.
 * Its digest is computed exactly as peer.ts computes it, so hashes compare across runtimes.
 */
import * as Y from 'yjs';
import { createYWebrtcTransport } from '../../../shared/transport/createYWebrtcTransport.ts';
import { filterYWebrtcRejections } from '../../../shared/transport/filterYWebrtcRejections.ts';
import type { Room, RoomConfig } from '../../../shared/transport/Transport.ts';
import { wrapRtcForChunking } from '../../../shared/transport/wrapRtcForChunking.ts';

const doc = new Y.Doc();
const wire = doc.getMap<Uint8Array>('wire');
const rejections = filterYWebrtcRejections(window);
let escaped = 0;
window.addEventListener('unhandledrejection', (e) => {
  if (!e.defaultPrevented) escaped += 1;
});
const transport = createYWebrtcTransport({
  wrtc: { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate },
});
let room: Room | undefined;

async function digest(): Promise<{ entries: number; bytes: number; hash: string }> {
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (const key of [...wire.keys()].sort()) {
    const value = wire.get(key)!;
    parts.push(new TextEncoder().encode(`${key}:${value.length}:`), value);
    bytes += value.length;
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return {
    entries: wire.size,
    bytes,
    hash: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join(''),
  };
}

/** Two connections inside this page: sends `size` bytes over one data channel. */
async function loopback(
  wrapped: boolean,
  size: number,
): Promise<{ received: number; error?: string }> {
  const PC = wrapped ? wrapRtcForChunking(RTCPeerConnection) : RTCPeerConnection;
  const a = new PC();
  const b = new PC();
  a.onicecandidate = (e) => void (e.candidate && b.addIceCandidate(e.candidate));
  b.onicecandidate = (e) => void (e.candidate && a.addIceCandidate(e.candidate));
  const channel = a.createDataChannel('loop');
  const got = new Promise<number>((resolve) => {
    b.ondatachannel = (e) => {
      e.channel.binaryType = 'arraybuffer';
      e.channel.onmessage = (m: MessageEvent<ArrayBuffer>) => resolve(m.data.byteLength);
    };
  });
  const opened = new Promise((r) => (channel.onopen = r));
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription!);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription!);
  await opened;
  try {
    channel.send(new Uint8Array(size));
    const timeout = new Promise<number>((r) => setTimeout(() => r(-1), 5_000));
    return { received: await Promise.race([got, timeout]) };
  } catch (e) {
    return { received: -1, error: String(e) };
  } finally {
    a.close();
    b.close();
  }
}

const quirePeer = {
  join(config: RoomConfig): string | undefined {
    const joined = transport.tryJoin(config, doc);
    if (!joined.ok) return joined.error;
    room = joined.value;
    return undefined;
  },
  status: () => room?.status(),
  put: (key: string) => wire.set(key, crypto.getRandomValues(new Uint8Array(100))),
  digest,
  loopback,
  stats: () => ({
    transport: transport.stats(),
    swallowed: rejections.swallowed(),
    escaped,
  }),
  close: () => room?.close(),
};

(window as unknown as { quirePeer: typeof quirePeer }).quirePeer = quirePeer;
