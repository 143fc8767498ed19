import type { YWebrtcTransport } from '../../shared/transport/createYWebrtcTransport.ts';

/** Real WebRTC for the online commands, loaded only by them (@roamhq/wrtc is slow to load). */
export async function loadNodeTransport(): Promise<YWebrtcTransport> {
  const { createNodeTransport } = await import('../transport/nodeWebrtc.ts');
  return createNodeTransport();
}
