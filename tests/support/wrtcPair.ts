import wrtc from '@roamhq/wrtc';
import type { ChunkLimits } from '../../shared/transport/ChunkLimits.ts';
import { createChunkStats, type ChunkStats } from '../../shared/transport/ChunkStats.ts';
import type { SendBacklog } from '../../shared/transport/SendBacklog.ts';
import { wrapRtcForChunking } from '../../shared/transport/wrapRtcForChunking.ts';

/** Real @roamhq/wrtc connections over loopback, in this process; closed by closePairs(). */
const open: RTCPeerConnection[] = [];

/** Remembers a connection for closePairs(). */
export const keepOpen = (pc: RTCPeerConnection): void => {
  open.push(pc);
};

/** Closes every connection made since the last call (call it after each test). */
export function closePairs(): void {
  for (const pc of open.splice(0)) pc.close();
}

export interface Pair {
  readonly sender: RTCDataChannel;
  readonly receiver: RTCDataChannel;
  /** What the receiver got, in order (binaryType 'arraybuffer'). */
  readonly got: unknown[];
  readonly stats: ChunkStats;
}

/** Two connected peers with one data channel, each end wrapped for chunking or left plain. */
export async function connectPair(
  wrapSender: boolean,
  wrapReceiver: boolean,
  limits: Partial<ChunkLimits> = {},
  backlog?: SendBacklog,
): Promise<Pair> {
  const stats = createChunkStats();
  const Wrapped = wrapRtcForChunking(wrtc.RTCPeerConnection, {
    stats,
    limits,
    ...(backlog ? { backlog } : {}),
  });
  const a = new (wrapSender ? Wrapped : wrtc.RTCPeerConnection)();
  const b = new (wrapReceiver ? Wrapped : wrtc.RTCPeerConnection)();
  open.push(a, b);
  // Candidates may still trickle in after a test closed the pair: that rejection is expected.
  const trickle = (to: RTCPeerConnection, c: RTCIceCandidate | null): void => {
    if (c) to.addIceCandidate(c).catch(() => undefined);
  };
  a.onicecandidate = (e) => trickle(b, e.candidate);
  b.onicecandidate = (e) => trickle(a, e.candidate);
  const sender = a.createDataChannel('test');
  const got: unknown[] = [];
  const received = new Promise<RTCDataChannel>((resolve) => {
    b.ondatachannel = (e) => {
      e.channel.binaryType = 'arraybuffer';
      e.channel.onmessage = (m: MessageEvent) => got.push(m.data);
      resolve(e.channel);
    };
  });
  const opened = new Promise<void>((resolve) => (sender.onopen = () => resolve()));
  const offer = await a.createOffer();
  await a.setLocalDescription(offer);
  await b.setRemoteDescription(offer);
  const answer = await b.createAnswer();
  await b.setLocalDescription(answer);
  await a.setRemoteDescription(answer);
  await opened;
  return { sender, receiver: await received, got, stats };
}
