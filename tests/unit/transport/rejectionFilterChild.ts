/**
 * Child process for rejections.test.ts: installs the Node rejection filter, leaves rejections
 * unhandled (y-webrtc's kind with `ours`, an ordinary bug with `other`) and reports survival.
 */
import { installYWebrtcRejectionFilter } from '../../../node/transport/installYWebrtcRejectionFilter.ts';

const filter = installYWebrtcRejectionFilter();
const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['decrypt']);
if (process.argv[2] === 'ours') {
  void crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(32));
  void Promise.reject(new Error('Unknown encryption algorithm'));
} else {
  void Promise.reject(new Error('app bug'));
}
setTimeout(() => console.log(`alive swallowed=${filter.swallowed()}`), 200);
