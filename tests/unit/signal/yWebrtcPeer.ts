/**
 * Child process for yWebrtcCompat.test.ts: one unmodified y-webrtc peer (real WebRTC via
 * @roamhq/wrtc) that writes its word, prints `synced` once it also holds the other peer's word,
 * and exits on SIGTERM.
 * argv: signalingUrl room password myWord otherWord
 */
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';

const [url, room, password, mine, other] = process.argv.slice(2);
if (
  url === undefined ||
  room === undefined ||
  password === undefined ||
  mine === undefined ||
  other === undefined
) {
  process.exit(2);
}
// lib0's websocket client uses the global WebSocket, which Node 20 lacks.
(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;

const doc = new Y.Doc();
const provider = new WebrtcProvider(room, doc, { signaling: [url], password, peerOpts: { wrtc } });
const text = doc.getText('t');
text.insert(0, mine);

let synced = false;
const check = (): void => {
  if (synced || !text.toJSON().includes(other)) return;
  synced = true;
  process.stdout.write('synced\n');
};
doc.on('update', check);
check();
// Keep serving the other side until the test has seen both peers sync; then leave cleanly.
process.once('SIGTERM', () => {
  provider.disconnect();
  provider.destroy();
  process.exit(synced ? 0 : 1);
});
setTimeout(() => process.exit(3), 45_000);
