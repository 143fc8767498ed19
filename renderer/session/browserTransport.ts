import {
  createYWebrtcTransport,
  type YWebrtcTransport,
} from '../../shared/transport/createYWebrtcTransport.ts';
import { filterYWebrtcRejections } from '../../shared/transport/filterYWebrtcRejections.ts';

let transport: YWebrtcTransport | undefined;

/**
 * The page's one y-webrtc transport over Chromium's own WebRTC (chunked data channels, guarded
 * signaling), with y-webrtc's stray promise rejections contained once per page.
 */
export function browserTransport(): YWebrtcTransport {
  if (transport) return transport;
  filterYWebrtcRejections(window);
  transport = createYWebrtcTransport({
    wrtc: {
      RTCPeerConnection: window.RTCPeerConnection,
      RTCSessionDescription: window.RTCSessionDescription,
      RTCIceCandidate: window.RTCIceCandidate,
    },
  });
  return transport;
}
