import { classifyYWebrtcRejection } from '../../shared/transport/classifyYWebrtcRejection.ts';

export interface ProcessRejectionFilter {
  /** y-webrtc rejections swallowed so far in this process. */
  swallowed(): number;
}

let swallowed = 0;
let installed = false;

const onUnhandledRejection = (reason: unknown): void => {
  if (classifyYWebrtcRejection(reason) !== undefined) {
    swallowed += 1;
    return;
  }
  // Any listener turns off Node's default (crash on an unhandled rejection). Keep that default
  // for everything else: alone, rethrow, which Node reports as an uncaught exception.
  if (process.listenerCount('unhandledRejection') === 1) throw reason;
};

/**
 * Installs, once per process, an 'unhandledRejection' listener that swallows and counts only the
 * rejections y-webrtc is known to leave behind (classifyYWebrtcRejection: a failed AES-GCM
 * decrypt from a wrong-password peer, its unknown-algorithm error, errors thrown from its own
 * source). Belt and braces behind guardSignalingConn, which keeps those inputs from y-webrtc.
 * Everything else still crashes the process as by default, unless another listener handles it.
 */
export function installYWebrtcRejectionFilter(): ProcessRejectionFilter {
  if (!installed) {
    installed = true;
    process.on('unhandledRejection', onUnhandledRejection);
  }
  return { swallowed: () => swallowed };
}
