/** The unhandled rejections y-webrtc is known to leave behind (see docs/TRANSPORT.md). */
export type YWebrtcRejection = 'decrypt_failed' | 'unknown_algorithm' | 'y_webrtc';

/**
 * Says whether an unhandled rejection is one of y-webrtc's, or undefined for anything else
 * (which must keep its normal, loud treatment). Matches only:
 * - a WebCrypto OperationError: AES-GCM authentication failed in y-webrtc's decrypt (a
 *   wrong-password peer on the same topic, or a same-origin BroadcastChannel under another key);
 *   this project uses WebCrypto nowhere else, and the error carries no y-webrtc stack frame;
 * - lib0's 'Unknown encryption algorithm', which y-webrtc rejects without returning;
 * - an error thrown from y-webrtc's own source (its path is in the stack; bundled builds lose
 *   that path, so there only the first two match).
 */
export function classifyYWebrtcRejection(reason: unknown): YWebrtcRejection | undefined {
  if (typeof reason !== 'object' || reason === null) return undefined;
  const { name, message, stack } = reason as { name?: unknown; message?: unknown; stack?: unknown };
  if (name === 'OperationError') return 'decrypt_failed';
  if (message === 'Unknown encryption algorithm') return 'unknown_algorithm';
  if (typeof stack === 'string' && /[\\/]y-webrtc[\\/](?:src|dist)[\\/]/.test(stack))
    return 'y_webrtc';
  return undefined;
}
