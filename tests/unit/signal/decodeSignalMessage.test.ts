import { describe, expect, it } from 'vitest';
import { signalDecoder } from '../../../node/signal/decodeSignalMessage.ts';

const limits = { maxMessageBytes: 64, maxTopicLength: 8, maxTopicsPerConnection: 3 };
const decode = signalDecoder(limits);
const enc = (v: unknown): Uint8Array =>
  new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('signalDecoder', () => {
  it('refuses oversize input before decoding or parsing it', () => {
    // Valid JSON, but one byte over: the size check must come first.
    const atCap = enc({ type: 'ping', pad: 'x'.repeat(40) });
    expect(atCap.byteLength).toBe(64);
    expect(decode(atCap)).toEqual({ ok: true, value: { type: 'ping' } });
    const big = enc({ type: 'ping', pad: 'x'.repeat(41) });
    expect(decode(big)).toEqual({ ok: false, error: 'oversize' });
    expect(decode(new Uint8Array(65).fill(0xff))).toEqual({ ok: false, error: 'oversize' });
  });

  it('accepts the four y-webrtc messages', () => {
    expect(decode(enc({ type: 'ping' }))).toEqual({ ok: true, value: { type: 'ping' } });
    expect(decode(enc({ type: 'subscribe', topics: ['a', 'b'] }))).toEqual({
      ok: true,
      value: { type: 'subscribe', topics: ['a', 'b'] },
    });
    expect(decode(enc({ type: 'unsubscribe', topics: [] }))).toEqual({
      ok: true,
      value: { type: 'unsubscribe', topics: [] },
    });
    const pub = decode(enc({ type: 'publish', topic: 'a', data: { k: 1 } }));
    expect(pub).toEqual({
      ok: true,
      value: {
        type: 'publish',
        topic: 'a',
        fields: { type: 'publish', topic: 'a', data: { k: 1 } },
      },
    });
  });

  it('classifies bad input as malformed (not JSON, not an object) or invalid (wrong shape)', () => {
    for (const bad of ['{', 'null', '[1]', '"x"', '1', '']) {
      expect(decode(enc(bad))).toEqual({ ok: false, error: 'malformed' });
    }
    expect(decode(new Uint8Array([0xc3, 0x28]))).toEqual({ ok: false, error: 'malformed' });
    for (const bad of [
      { type: 'subscribe', topics: ['a', 'b', 'c', 'd'] },
      { type: 'subscribe', topics: ['123456789'] },
      { type: 'subscribe', topics: [null] },
      { type: 'publish', topic: '' },
      { type: 'publish', topic: {} },
      { type: 'pong' },
      { topic: 'a' },
    ]) {
      expect(decode(enc(bad))).toEqual({ ok: false, error: 'invalid' });
    }
  });

  it('keeps an own "__proto__" key as plain data instead of touching prototypes', () => {
    const r = decode(enc('{"type":"publish","topic":"a","__proto__":{"polluted":true}}'));
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
