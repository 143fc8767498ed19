import wrtc from '@roamhq/wrtc';

/**
 * A simulated network delay for the remote-lag scenario (no netem on the bench machines): every
 * data-channel message this process sends leaves `ms` later, in order. Patched once on
 * @roamhq/wrtc's RTCDataChannel, under Quire's chunking wrapper and y-webrtc's alike, so both
 * systems see the same link. Set to half the round trip on every peer. Bench only.
 */
let delayMs = 0;
let installed = false;

type Send = (this: object, data: unknown) => void;

export function setLinkDelay(ms: number): void {
  delayMs = Math.max(0, ms);
  if (installed || delayMs === 0) return;
  installed = true;
  const proto = (wrtc as unknown as { RTCDataChannel: { prototype: { send: Send } } })
    .RTCDataChannel.prototype;
  const realSend = proto.send;
  proto.send = function delayedSend(this: { readyState?: string }, data: unknown): void {
    if (delayMs === 0) return realSend.call(this, data);
    // A copy: senders may reuse their buffer once send returns.
    const copy = ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
      : data instanceof ArrayBuffer
        ? data.slice(0)
        : data;
    // Timers of one duration fire in the order they were set: messages stay in order.
    setTimeout(() => {
      if (this.readyState !== 'open') return;
      try {
        realSend.call(this, copy);
      } catch {
        // Closed meanwhile: the message is lost, as on a dropped link.
      }
    }, delayMs);
  };
}
