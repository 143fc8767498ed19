import { toBase64 } from 'lib0/buffer';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { openSignalPayload } from '../../../shared/transport/openSignalPayload.ts';
import { sealSignalPayload } from '../../../shared/transport/sealSignalPayload.ts';
import { webSubtle } from '../../../shared/transport/SubtleAesGcm.ts';

/** y-webrtc's own crypto module (not in its package exports, so imported by path). */
interface YWebrtcCrypto {
  deriveKey(secret: string, roomName: string): PromiseLike<CryptoKey>;
  encryptJson(data: unknown, key: CryptoKey): PromiseLike<Uint8Array>;
  decryptJson(data: Uint8Array, key: CryptoKey): PromiseLike<unknown>;
}
const cryptoModule: string = '../../../node_modules/y-webrtc/src/crypto.js';
const ycrypto = (await import(cryptoModule)) as YWebrtcCrypto;

const subtle = webSubtle()!;
const key = await ycrypto.deriveKey('transport secret', 'room-a');
const otherKey = await ycrypto.deriveKey('wrong secret', 'room-a');
/** What y-webrtc's publishSignalingMessage puts in `data`. */
const yPublish = async (payload: unknown, k = key): Promise<string> =>
  toBase64(await ycrypto.encryptJson(payload, k));

const offer = {
  type: 'signal',
  from: 'peer-b',
  to: 'peer-a',
  token: 1700000000000.5,
  signal: { type: 'offer', sdp: 'v=0\r\n' },
};

describe('openSignalPayload (same bytes and key as y-webrtc)', () => {
  it.each([
    ['announce', { type: 'announce', from: 'peer-b' }],
    ['offer', offer],
    ['answer', { ...offer, signal: { type: 'answer', sdp: 'v=0\r\n' } }],
    [
      'candidate',
      {
        ...offer,
        signal: {
          type: 'candidate',
          candidate: {
            candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
            sdpMLineIndex: 0,
            sdpMid: '0',
          },
        },
      },
    ],
    ['renegotiate', { ...offer, signal: { type: 'renegotiate', renegotiate: true } }],
  ])('opens what y-webrtc seals: %s', async (_label, payload) => {
    expect(await openSignalPayload(await yPublish(payload), key, subtle)).toEqual({
      ok: true,
      value: payload,
    });
  });

  it('and y-webrtc opens what sealSignalPayload seals', async () => {
    const data = await sealSignalPayload({ type: 'announce', from: 'peer-a' }, key, subtle);
    const bytes = new Uint8Array(Buffer.from(data, 'base64'));
    expect(await ycrypto.decryptJson(bytes, key)).toEqual({ type: 'announce', from: 'peer-a' });
  });

  it('a wrong-password peer is undecryptable, and y-webrtc itself would reject unhandled', async () => {
    const data = await yPublish({ type: 'announce', from: 'peer-w' }, otherKey);
    expect(await openSignalPayload(data, key, subtle)).toMatchObject({ error: 'undecryptable' });
    await expect(
      ycrypto.decryptJson(new Uint8Array(Buffer.from(data, 'base64')), key),
    ).rejects.toMatchObject({ name: 'OperationError' });
  });

  const container = (alg: string, iv: Uint8Array, cipher: Uint8Array, extra = false): string => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, alg);
    encoding.writeVarUint8Array(e, iv);
    encoding.writeVarUint8Array(e, cipher);
    if (extra) encoding.writeUint8(e, 0);
    return toBase64(encoding.toUint8Array(e));
  };

  it.each<[string, unknown, string]>([
    ['a number', 12345, 'malformed'],
    ['null', null, 'malformed'],
    ['an object', { a: 1 }, 'malformed'],
    ['too long', 'A'.repeat(64 * 1024 + 1), 'too_large'],
    ['empty', '', 'bad_encoding'],
    ['not base64', '!!! not base64 !!!', 'bad_encoding'],
    [
      'another algorithm',
      container('AES-CBC', new Uint8Array(12), new Uint8Array(32)),
      'bad_encoding',
    ],
    ['a short IV', container('AES-GCM', new Uint8Array(4), new Uint8Array(32)), 'bad_encoding'],
    [
      'trailing bytes',
      container('AES-GCM', new Uint8Array(12), new Uint8Array(32), true),
      'bad_encoding',
    ],
    [
      'random ciphertext',
      container('AES-GCM', new Uint8Array(12), new Uint8Array(64)),
      'undecryptable',
    ],
  ])('drops %s', async (_label, data, reason) => {
    expect(await openSignalPayload(data, key, subtle)).toMatchObject({ ok: false, error: reason });
  });

  it.each<[string, unknown]>([
    ['a signal without its signal', { type: 'signal', from: 'b', to: 'a', token: 1 }],
    ['an unknown type', { type: 'hello', from: 'b' }],
    ['an announce without from', { type: 'announce' }],
    ['extra fields', { type: 'announce', from: 'b', extra: 1 }],
    [
      'a transceiver request',
      { ...offer, signal: { type: 'transceiverRequest', transceiverRequest: {} } },
    ],
    ['an sdp of the wrong type', { ...offer, signal: { type: 'offer', sdp: 42 } }],
    ['a non-object', 'announce'],
  ])('refuses, decrypted, %s', async (_label, payload) => {
    expect(await openSignalPayload(await yPublish(payload), key, subtle)).toMatchObject({
      ok: false,
      error: 'invalid',
    });
  });
});
