/**
 * An RTCPeerConnection class that records what each connection learns of its remote end: the ICE
 * user fragment and candidates in the remote description, and every remote candidate added. The
 * address in a candidate is what WebRTC gives away; the ufrag tells whose connection it is (the
 * other end reports it as its local ufrag).
 */
import { forwardToTarget, type BoundMethods } from '../../../shared/transport/forwardToTarget.ts';
import type { RtcPeerConnectionClass } from '../../../shared/transport/WrtcLike.ts';

export interface ConnectionRecord {
  localUfrag?: string;
  remoteUfrag?: string;
  /** Candidate lines from the remote description and from addIceCandidate, in arrival order. */
  readonly remoteCandidates: string[];
}

const ufragOf = (sdp: unknown): string | undefined =>
  typeof sdp === 'string' ? /^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1] : undefined;

const candidatesOf = (sdp: unknown): string[] =>
  typeof sdp === 'string' ? (sdp.match(/^a=candidate:.*$/gm) ?? []) : [];

const sdpOf = (description: unknown): unknown =>
  typeof description === 'object' && description !== null
    ? (description as { sdp?: unknown }).sdp
    : undefined;

export function probeRtc<C extends RtcPeerConnectionClass>(
  RTCPeerConnectionClass: C,
  records: ConnectionRecord[],
): C {
  return new Proxy(RTCPeerConnectionClass, {
    construct(target, args) {
      const pc = Reflect.construct(target, args) as object;
      const record: ConnectionRecord = { remoteCandidates: [] };
      records.push(record);
      const cache: BoundMethods = new Map();
      const call = (name: string, callArgs: unknown[]): unknown =>
        (forwardToTarget(pc, name, cache) as (...a: unknown[]) => unknown)(...callArgs);
      return new Proxy(pc, {
        get(real, prop) {
          switch (prop) {
            case 'setRemoteDescription':
              return (description: unknown, ...rest: unknown[]): unknown => {
                const sdp = sdpOf(description);
                record.remoteUfrag ??= ufragOf(sdp);
                record.remoteCandidates.push(...candidatesOf(sdp));
                return call('setRemoteDescription', [description, ...rest]);
              };
            case 'setLocalDescription':
              return (description: unknown, ...rest: unknown[]): unknown => {
                record.localUfrag ??= ufragOf(sdpOf(description));
                return call('setLocalDescription', [description, ...rest]);
              };
            case 'addIceCandidate':
              return (candidate: unknown, ...rest: unknown[]): unknown => {
                const line =
                  typeof candidate === 'object' && candidate !== null
                    ? (candidate as { candidate?: unknown }).candidate
                    : undefined;
                if (typeof line === 'string' && line !== '') record.remoteCandidates.push(line);
                return call('addIceCandidate', [candidate, ...rest]);
              };
            default:
              return forwardToTarget(real, prop, cache);
          }
        },
        set(real, prop, value: unknown) {
          return Reflect.set(real, prop, value, real);
        },
      });
    },
  });
}
