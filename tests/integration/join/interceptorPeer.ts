/**
 * Someone holding only an invite code (driven by tests/integration/transport/peerProcess.ts): it
 * derives the invite room's name and password from the code and joins that room as an ordinary
 * y-webrtc peer would, recording what every WebRTC connection learns of its remote end
 * (probeRtc.ts). Commands:
 *   join {code}   joins the room on the code's rendezvous URLs; replies {roomName}
 *   probe         {connections: ConnectionRecord[], peers}
 *   close         leaves the room
 */
import wrtc from '@roamhq/wrtc';
import * as Y from 'yjs';
import { installYWebrtcRejectionFilter } from '../../../node/transport/installYWebrtcRejectionFilter.ts';
import { nodeRtcPlatform } from '../../../node/transport/nodeWebrtc.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { parseInviteCode } from '../../../shared/invite/parseInviteCode.ts';
import { createYWebrtcTransport } from '../../../shared/transport/createYWebrtcTransport.ts';
import type { Room } from '../../../shared/transport/Transport.ts';
import type { RtcPeerConnectionClass } from '../../../shared/transport/WrtcLike.ts';
import { runPeerChild } from '../transport/runPeerChild.ts';
import { probeRtc, type ConnectionRecord } from './probeRtc.ts';

const connections: ConnectionRecord[] = [];
installYWebrtcRejectionFilter();
const platform = nodeRtcPlatform();
const transport = createYWebrtcTransport({
  wrtc: {
    ...platform.wrtc,
    RTCPeerConnection: probeRtc(
      (wrtc as unknown as { RTCPeerConnection: RtcPeerConnectionClass }).RTCPeerConnection,
      connections,
    ),
  },
});
let room: Room | undefined;

runPeerChild({
  async join(args) {
    await sodiumReady();
    const code = parseInviteCode(String(args.code));
    if (!code.ok) throw new Error(`not a code: ${code.error}`);
    const { roomName, roomPassword } = deriveInviteSecrets(code.value.secret);
    room = transport.join(
      { roomName, password: roomPassword, signaling: code.value.rendezvousUrls },
      new Y.Doc(),
    );
    return { roomName };
  },
  probe: () => ({ connections, peers: room?.status().peers ?? 0 }),
  close() {
    room?.close();
    room = undefined;
    return {};
  },
});
