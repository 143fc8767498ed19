import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WebrtcConn } from 'y-webrtc';
import { classifyYWebrtcRejection } from '../../../shared/transport/classifyYWebrtcRejection.ts';
import {
  filterYWebrtcRejections,
  type RejectionEventTarget,
} from '../../../shared/transport/filterYWebrtcRejections.ts';

const decryptFailure = async (): Promise<unknown> => {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  return crypto.subtle
    .decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(32))
    .then(
      () => undefined,
      (e: unknown) => e,
    );
};

const thrownByYWebrtc = (): unknown => {
  try {
    // A real throw from y-webrtc's source (it dereferences the missing room).
    new WebrtcConn(undefined as never, true, 'x', undefined as never);
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('classifyYWebrtcRejection', () => {
  it('recognises what y-webrtc leaves unhandled', async () => {
    expect(classifyYWebrtcRejection(await decryptFailure())).toBe('decrypt_failed');
    expect(classifyYWebrtcRejection(new Error('Unknown encryption algorithm'))).toBe(
      'unknown_algorithm',
    );
    expect(classifyYWebrtcRejection(thrownByYWebrtc())).toBe('y_webrtc');
  });

  it('leaves everything else alone', () => {
    expect(classifyYWebrtcRejection(new Error('boom'))).toBeUndefined();
    expect(classifyYWebrtcRejection(new TypeError('x is undefined'))).toBeUndefined();
    expect(classifyYWebrtcRejection('OperationError')).toBeUndefined();
    expect(classifyYWebrtcRejection(undefined)).toBeUndefined();
    expect(classifyYWebrtcRejection({ stack: 'at /work/y-webrtc-notes/x.js' })).toBeUndefined();
  });
});

describe('filterYWebrtcRejections (renderer)', () => {
  // `window` fits the structural type (checked by tsc, never run in Node).
  const fitsWindow = (w: Window): RejectionEventTarget => w;
  void fitsWindow;

  const rejection = (reason: unknown): Event & { reason: unknown } =>
    Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason });

  it("silences and counts only y-webrtc's, until disposed", async () => {
    const target = new EventTarget();
    const filter = filterYWebrtcRejections(target as unknown as RejectionEventTarget);
    const ours = rejection(await decryptFailure());
    const other = rejection(new Error('app bug'));
    target.dispatchEvent(ours);
    target.dispatchEvent(other);
    expect(ours.defaultPrevented).toBe(true);
    expect(other.defaultPrevented).toBe(false);
    expect(filter.swallowed()).toBe(1);
    filter.dispose();
    const later = rejection(await decryptFailure());
    target.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
  });
});

describe('installYWebrtcRejectionFilter (Node process)', () => {
  const child = fileURLToPath(new URL('./rejectionFilterChild.ts', import.meta.url));
  const run = (mode: string): { status: number | null; out: string } => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', child, mode], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { status: r.status, out: r.stdout + r.stderr };
  };

  it("swallows y-webrtc's rejections and the process lives on", () => {
    const r = run('ours');
    expect(r.out).toContain('alive swallowed=2');
    expect(r.status).toBe(0);
  });

  it('still crashes on any other unhandled rejection, as Node does by default', () => {
    const r = run('other');
    expect(r.out).not.toContain('alive');
    expect(r.out).toContain('app bug');
    expect(r.status).not.toBe(0);
  });
});
