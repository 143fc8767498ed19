import { classifyYWebrtcRejection } from './classifyYWebrtcRejection.ts';

/** The renderer's `window` as far as this filter needs it. */
export interface RejectionEventTarget {
  addEventListener(type: 'unhandledrejection', listener: (event: RejectionEventLike) => void): void;
  removeEventListener(
    type: 'unhandledrejection',
    listener: (event: RejectionEventLike) => void,
  ): void;
}

export interface RejectionEventLike {
  readonly reason: unknown;
  preventDefault(): void;
}

export interface RejectionFilter {
  /** Rejections recognised as y-webrtc's and silenced so far. */
  swallowed(): number;
  dispose(): void;
}

/**
 * Renderer counterpart of node/transport's process filter: on `window`, silences (preventDefault)
 * and counts only the unhandled rejections classifyYWebrtcRejection recognises; every other
 * rejection is left alone. In a browser an unhandled rejection is only reported, never fatal, so
 * this is about noise and counting; the real containment is guardSignalingConn.
 */
export function filterYWebrtcRejections(target: RejectionEventTarget): RejectionFilter {
  let count = 0;
  const listener = (event: RejectionEventLike): void => {
    if (classifyYWebrtcRejection(event.reason) === undefined) return;
    count += 1;
    event.preventDefault();
  };
  target.addEventListener('unhandledrejection', listener);
  return {
    swallowed: () => count,
    dispose: () => target.removeEventListener('unhandledrejection', listener),
  };
}
