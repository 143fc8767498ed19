import wrtc from '@roamhq/wrtc';
import {
  createYWebrtcTransport,
  type YWebrtcPlatform,
  type YWebrtcTransport,
  type YWebrtcTransportOptions,
} from '../../shared/transport/createYWebrtcTransport.ts';
import type { RtcPeerConnectionClass } from '../../shared/transport/WrtcLike.ts';
import { GuardedWebSocket } from './GuardedWebSocket.ts';
import { installYWebrtcRejectionFilter } from './installYWebrtcRejectionFilter.ts';

/**
 * WebRTC for Node: @roamhq/wrtc's classes, and a WebSocket for y-webrtc's rendezvous client
 * (Node 20 has no global one; Node 22's built-in is left in place).
 */
export function nodeRtcPlatform(): YWebrtcPlatform {
  const g = globalThis as { WebSocket?: unknown };
  if (g.WebSocket === undefined) g.WebSocket = GuardedWebSocket;
  const classes = wrtc as unknown as {
    RTCPeerConnection: RtcPeerConnectionClass;
    RTCSessionDescription: unknown;
    RTCIceCandidate: unknown;
  };
  return {
    wrtc: {
      RTCPeerConnection: classes.RTCPeerConnection,
      RTCSessionDescription: classes.RTCSessionDescription,
      RTCIceCandidate: classes.RTCIceCandidate,
    },
  };
}

/** The y-webrtc transport for the CLI and relay, with the process-level rejection filter. */
export function createNodeTransport(options: YWebrtcTransportOptions = {}): YWebrtcTransport {
  installYWebrtcRejectionFilter();
  return createYWebrtcTransport(nodeRtcPlatform(), options);
}
