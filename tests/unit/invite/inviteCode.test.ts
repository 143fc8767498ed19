/**
 * The invite code text format (v3). Known answers come from an independent Python implementation,
 * tests/support/inviteCodeV3Vectors.py (the BIP-350 reference bech32m functions, hashlib.blake2b
 * for the commitment, and the payload layout of docs/PROTOCOL.md §10.2); it also re-derives the
 * version-2 code below.
 */
import { describe, expect, it } from 'vitest';
import { BECH32_ALPHABET, bech32mChecksum } from '../../../shared/invite/bech32mChecksum.ts';
import { convertBits } from '../../../shared/invite/convertBits.ts';
import { encodeInviteCode } from '../../../shared/invite/encodeInviteCode.ts';
import { inviteCodeToQrText } from '../../../shared/invite/inviteCodeToQrText.ts';
import { parseInviteCode } from '../../../shared/invite/parseInviteCode.ts';
import { hex, prng } from './inviteFixture.ts';

// Commitments of (s, cellId, signPk) = (00..1f, a0..af, 80..9f) and (ff.., 11.., 22..): see
// inviteCommitment.test.ts.
const S = new Uint8Array(32).map((_, i) => i);
const C = hex('bf4071046684398d251c69185f1d1218');
const URLS = ['wss://signal.example.org', 'ws://192.168.1.20:4444'];
/** 2026-12-08T16:30:00.001Z: the code carries 16:31 (rounded up to a whole minute). */
const E = Date.UTC(2026, 11, 8, 16, 30) + 1;
const E_CODED = Date.UTC(2026, 11, 8, 16, 31);
const CODE =
  'QUIRE1-RQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0M7S-R3Q3N-GGWVD-Y5WXJ-XZLR5-FPSQW-GA7LE-YUMFV-AHXZM-PWV4U-XZMTS-D3JJU-MMJVU-GNZWF-J9CCN-VWPWX-YHRYV-P6XS6-RGDQ3-Y3UWK';
const S2 = new Uint8Array(32).fill(0xff);
const C2 = hex('d12fd1eee6c67f0add7b81f8320d2ffa');
const URLS2 = ['wss://quire-rendezvous.example.org:8443/signal'];
/** The latest expiry a code may carry: 2100-01-01T00:00Z. */
const E2 = Date.UTC(2100, 0, 1);
const CODE2 =
  'QUIRE1-RLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLAZT-73AMN-VVLC2-M4ACR-7PJP5-HL5PQ-NFEQ2-SUT4D-9EX2T-TJV4H-XGET6-WEHH2-UEWV4-UXZMT-SD3JJ-UMMJV-UARSD-P5XVH-HX6T8-DESKC-NE0TC-W';
/** The same S, C and URLS as a version-2 code (no expiry), as the previous Quire made it. */
const CODE_V2 =
  'QUIRE1-ZQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0M7S-R3Q3N-GGWVD-Y5WXJ-XZLR5-FP3YN-ND9NK-UCTV9-EJHSC-TDWPK-X2TN0-WFN3Z-VFEXG-HRZD3-C9CCJ-UV3S8-G6RGD-P5G0Q-759';
/** The same S and URLS as a version-1 code (no commitment), as an older Quire made it. */
const CODE_V1 =
  'QUIRE1-PQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0EYU-MFVAH-XZMPW-V4UXZ-MTSD3-JJUMM-JVUGN-ZWFJ9-CCNVW-PWXYH-RYVP6-XS6RG-DQW4T-P9C';

const encode = (
  secret: Uint8Array,
  rendezvousUrls: string[],
  commitment = C,
  expiresAt = E,
): string => {
  const r = encodeInviteCode({ secret, commitment, expiresAt, rendezvousUrls });
  if (!r.ok) throw new Error(`${r.error}: ${r.detail ?? ''}`);
  return r.value;
};

/** A syntactically valid code with any version symbol and payload (checksum computed right). */
const rawCode = (version: number, payload: number[]): string => {
  const data = [version, ...convertBits(payload, 8, 5, true)!];
  const chars = [...data, ...bech32mChecksum('quire', data)].map((v) => BECH32_ALPHABET[v]);
  return `QUIRE1-${chars.join('')}`;
};

const urlEntry = (rest: string, wss = true): number[] => [
  (wss ? 0x80 : 0) | rest.length,
  ...Buffer.from(rest, 'ascii'),
];

/** u32be of a whole number of minutes since 1970. */
const u32 = (n: number): number[] => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const EXP = u32(E_CODED / 60_000);

describe('encodeInviteCode / parseInviteCode', () => {
  it('produces the known-answer codes', () => {
    expect(encode(S, URLS)).toBe(CODE);
    expect(encode(S2, URLS2, C2, E2)).toBe(CODE2);
    expect(encode(S, URLS, C, E_CODED)).toBe(CODE); // already a whole minute: unchanged
    expect(CODE).toMatch(/^QUIRE1-R/); // the version symbol 3 is the first data character
    expect(inviteCodeToQrText(CODE)).toBe(CODE);
    expect(CODE).toMatch(/^[0-9A-Z-]+$/); // QR alphanumeric mode
  });

  it('parses the known-answer codes back to exactly their contents', () => {
    expect(parseInviteCode(CODE)).toEqual({
      ok: true,
      value: { version: 3, secret: S, commitment: C, expiresAt: E_CODED, rendezvousUrls: URLS },
    });
    expect(parseInviteCode(CODE2)).toEqual({
      ok: true,
      value: { version: 3, secret: S2, commitment: C2, expiresAt: E2, rendezvousUrls: URLS2 },
    });
  });

  it('round-trips random secrets, expiries and 1 to 4 URLs', () => {
    const rnd = prng(1);
    const from = Date.UTC(2024, 0, 1);
    for (let n = 0; n < 200; n++) {
      const secret = new Uint8Array(32).map(() => Math.floor(rnd() * 256));
      const commitment = new Uint8Array(16).map(() => Math.floor(rnd() * 256));
      const expiresAt = from + Math.floor(rnd() * (Date.UTC(2100, 0, 1) - from));
      const urls = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => {
        const host = `h${Math.floor(rnd() * 1e6)}.example.org`;
        const tail = rnd() < 0.5 ? `:${1 + Math.floor(rnd() * 65535)}/p${i}` : '';
        return `${rnd() < 0.8 ? 'wss' : 'ws'}://${host}${tail}`;
      });
      const parsed = parseInviteCode(encode(secret, urls, commitment, expiresAt));
      expect(parsed.ok && parsed.value).toEqual({
        version: 3,
        secret,
        commitment,
        expiresAt: Math.ceil(expiresAt / 60_000) * 60_000,
        rendezvousUrls: urls,
      });
    }
  });

  it('the documented lengths hold (PROTOCOL §10.2)', () => {
    const typical = encode(S, ['wss://rendezvous.example.org', 'wss://backup.example.net:8443/ws']);
    expect(typical.length).toBe(212);
    expect(encode(S, ['wss://rendezvous.example.org']).length).toBe(159);
    // Documented: under 200 while the sum over URLs of (1 + length after the scheme) <= 43.
    const urlsOf = (sum: number): string[] => [
      `wss://${'a'.repeat(30)}.org`,
      `wss://${'b'.repeat(sum - 2 - 34 - 4)}.org`,
    ];
    expect(encode(S, urlsOf(43)).length).toBeLessThan(200);
    expect(encode(S, urlsOf(44)).length).toBeGreaterThanOrEqual(200);
    const host = `${'x'.repeat(60)}.${'y'.repeat(62)}`;
    const longest = Array.from({ length: 4 }, (_, i) => `ws://${host}.or${i}`);
    expect(longest[0]).toHaveLength(5 + 127);
    const longestCode = encode(S, longest);
    expect(longestCode).toHaveLength(1098);
    expect(parseInviteCode(longestCode).ok).toBe(true);
  });

  it('tolerates case, whitespace, line breaks, dash variants and look-alike characters', () => {
    const bare = CODE.replace(/-/g, '');
    const variants = [
      CODE.toLowerCase(),
      bare,
      bare.toLowerCase(),
      CODE.replace(/-/g, ' '),
      `  \t${CODE}\r\n`,
      CODE.replace(/-/g, '\u2013'),
      CODE.replace(/-/g, '\u2014\n'),
      CODE.replace(/-/g, '\u00a0'),
      bare.replace(/(.{20})/g, '$1\n'),
      CODE.replace(/-/g, '--'),
      CODE.split('')
        .map((c, i) => (i % 2 ? c.toLowerCase() : c))
        .join(''),
      `QUIRE1-${CODE.slice(7).replace(/0/g, 'O')}`,
      `quire1${CODE.slice(7).replace(/0/g, 'o')}`,
    ];
    for (const v of variants) expect(parseInviteCode(v), v).toMatchObject({ ok: true });
    expect(bare.slice(6)).toMatch(/0/); // the look-alike variants did change something
    for (const v of [CODE2.slice(7).replace(/L/g, '1'), CODE2.slice(7).replace(/L/g, 'i')])
      expect(parseInviteCode(`QUIRE1-${v}`), v).toMatchObject({ ok: true, value: { secret: S2 } });
    expect(parseInviteCode(`QUIRE1-${CODE.slice(7).replace(/8/g, 'B')}`).ok).toBe(true);
    expect(CODE.slice(7)).toMatch(/8/);
  });

  it('says not_a_quire_code for other text', () => {
    for (const t of [
      '',
      '   ',
      'hello',
      'https://example.org/join',
      'QUIRE2-PQQQS',
      'QUIRK1-PQQQS',
    ])
      expect(parseInviteCode(t)).toMatchObject({ ok: false, error: 'not_a_quire_code' });
  });

  it('says outdated_version for version-1 and version-2 codes, unsupported_version for others', () => {
    expect(parseInviteCode(CODE_V1)).toEqual({
      ok: false,
      error: 'outdated_version',
      detail: 'version 1',
    });
    expect(parseInviteCode(CODE_V2)).toEqual({
      ok: false,
      error: 'outdated_version',
      detail: 'version 2',
    });
    const v1Payload = [...S, ...urlEntry('signal.example.org')];
    expect(parseInviteCode(rawCode(1, v1Payload))).toMatchObject({ error: 'outdated_version' });
    const v2Payload = [...S, ...C, ...urlEntry('signal.example.org')];
    expect(parseInviteCode(rawCode(2, v2Payload))).toMatchObject({ error: 'outdated_version' });
    const payload = [...S, ...C, ...EXP, ...urlEntry('signal.example.org')];
    expect(parseInviteCode(rawCode(3, payload)).ok).toBe(true);
    // Even a v3 payload under version 2 is outdated: the version decides, not the layout.
    expect(parseInviteCode(rawCode(2, payload))).toMatchObject({ error: 'outdated_version' });
    for (const version of [0, 4, 31])
      expect(parseInviteCode(rawCode(version, payload))).toMatchObject({
        ok: false,
        error: 'unsupported_version',
      });
    // A typo in an old code is still reported as a typo.
    expect(parseInviteCode(CODE_V1.replace('P9C', 'P9Q'))).toMatchObject({
      error: 'checksum_mismatch',
    });
    expect(parseInviteCode(CODE_V2.replace('Q-759', 'Q-758'))).toMatchObject({
      error: 'checksum_mismatch',
    });
  });

  it('says malformed for a checksummed payload that does not parse', () => {
    const SCE = [...S, ...C, ...EXP];
    const bad: number[][] = [
      SCE, // no URL
      [...S, ...C], // no expiry, no URL
      [...S, ...C, ...urlEntry('signal.example.org')], // no expiry (a v2 payload under v3)
      [...S, ...C, ...EXP.slice(0, 3)], // short expiry
      [...S.slice(0, 20)], // short secret
      [...S, ...C.slice(0, 8)], // short commitment
      [...SCE, 0x80], // empty URL entry
      [...SCE, ...urlEntry('signal.example.org').slice(0, 10)], // truncated entry
      [...SCE, ...urlEntry('user:pw@signal.example.org')], // credentials
      [...SCE, ...urlEntry('signal.example.org/?q=1')], // query
      [...SCE, ...urlEntry('SIGNAL.example.org')], // not canonical
      [...SCE, ...urlEntry('sig nal.example.org')], // space
      [...SCE, 0x82, 0xc3, 0xa9], // non-ASCII
      [...SCE, ...[1, 2, 3, 4, 5].flatMap((i) => urlEntry(`h${i}.example.org`))], // 5 URLs
    ];
    for (const payload of bad)
      expect(parseInviteCode(rawCode(3, payload)), String(payload.length)).toMatchObject({
        ok: false,
        error: 'malformed',
      });
    expect(parseInviteCode('QUIRE1-RQQQS')).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('a flipped payload byte (checksum recomputed, so not a typo) changes what the code says', () => {
    // Tampering that keeps the checksum valid is not detected by the code itself: it parses to a
    // different secret or commitment (which the welcome check then refuses), or fails.
    const payload = [...S, ...C, ...EXP, ...urlEntry('signal.example.org')];
    const original = parseInviteCode(rawCode(3, payload));
    if (!original.ok) throw new Error(original.error);
    for (let i = 0; i < payload.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const tampered = [...payload];
        tampered[i] = (tampered[i] ?? 0) ^ bit;
        const r = parseInviteCode(rawCode(3, tampered));
        if (r.ok) expect(r.value, `byte ${i}`).not.toEqual(original.value);
        if (r.ok && i >= 32 && i < 48)
          expect(r.value.commitment, `byte ${i}`).not.toEqual(original.value.commitment);
        if (r.ok && i >= 48 && i < 52)
          expect(r.value.expiresAt, `byte ${i}`).not.toBe(original.value.expiresAt);
      }
    }
  });

  it('refuses oversize input before normalising it', () => {
    // A valid code drowned in whitespace would parse if the cap came after normalisation.
    expect(parseInviteCode(CODE + ' '.repeat(2048 - CODE.length)).ok).toBe(true);
    expect(parseInviteCode(CODE + ' '.repeat(2049 - CODE.length))).toMatchObject({
      ok: false,
      error: 'malformed',
      detail: 'input too long',
    });
    expect(parseInviteCode('Q'.repeat(10_000_000))).toMatchObject({
      ok: false,
      error: 'malformed',
    });
  });

  it('refuses to encode a bad secret, commitment, expiry or URL list', () => {
    const expiresAt = E;
    const bad = [
      { secret: new Uint8Array(31), commitment: C, expiresAt, rendezvousUrls: URLS },
      { secret: S, commitment: C.slice(1), expiresAt, rendezvousUrls: URLS },
      { secret: S, commitment: new Uint8Array(32), expiresAt, rendezvousUrls: URLS },
      { secret: S, commitment: C, expiresAt, rendezvousUrls: [] },
      { secret: S, commitment: C, expiresAt, rendezvousUrls: ['https://example.org'] },
      { secret: S, commitment: C, expiresAt, rendezvousUrls: ['wss://a:b@example.org'] },
      {
        secret: S,
        commitment: C,
        expiresAt,
        rendezvousUrls: ['a', 'b', 'c', 'd', 'e'].map((h) => `wss://${h}.org`),
      },
      ...[0, 10_000_000, Date.UTC(2024, 0, 1) - 60_001, Date.UTC(2100, 0, 1) + 1]
        .concat([NaN, Infinity, -Infinity, -1])
        .map((e) => ({ secret: S, commitment: C, expiresAt: e, rendezvousUrls: URLS })),
    ];
    for (const c of bad) expect(encodeInviteCode(c)).toMatchObject({ ok: false });
  });
});

describe('typo detection', () => {
  const TYPO_ERRORS = ['checksum_mismatch', 'malformed'];
  const data = (code: string): string => code.replace(/-/g, '').slice(6);
  const withData = (d: string): string => `QUIRE1-${d}`;
  const expectTypo = (text: string): void => {
    const r = parseInviteCode(text);
    expect(r.ok, text).toBe(false);
    if (!r.ok) expect(TYPO_ERRORS, text).toContain(r.error);
  };

  it.each([CODE, CODE2])(
    'catches every single substitution, swap, deletion and insertion',
    (code) => {
      const d = data(code).toLowerCase();
      for (let i = 0; i < d.length; i++) {
        for (const c of BECH32_ALPHABET)
          if (c !== d[i]) expectTypo(withData(d.slice(0, i) + c + d.slice(i + 1)));
        if (d[i] !== d[i + 1] && i + 1 < d.length)
          expectTypo(withData(d.slice(0, i) + d[i + 1]! + d[i]! + d.slice(i + 2)));
        expectTypo(withData(d.slice(0, i) + d.slice(i + 1)));
        expectTypo(withData(d.slice(0, i) + 'x' + d.slice(i)));
      }
    },
  );

  it('catches thousands of random multi-character typos and reports stray characters', () => {
    const rnd = prng(7);
    const d = data(CODE).toLowerCase();
    const pick = (s: string): string => s[Math.floor(rnd() * s.length)]!;
    for (let n = 0; n < 3000; n++) {
      let t = d;
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const i = Math.floor(rnd() * t.length);
        const op = rnd();
        if (op < 0.5) t = t.slice(0, i) + pick(BECH32_ALPHABET) + t.slice(i + 1);
        else if (op < 0.7) t = t.slice(0, i) + t.slice(i + 1);
        else if (op < 0.85) t = t.slice(0, i) + pick(BECH32_ALPHABET) + t.slice(i);
        else t = t.slice(0, i) + (t[i + 1] ?? '') + (t[i] ?? '') + t.slice(i + 2);
      }
      if (t !== d) expectTypo(withData(t));
    }
    expect(parseInviteCode(CODE.replace('QQQS', 'QQ!S'))).toMatchObject({
      ok: false,
      error: 'checksum_mismatch',
      detail: 'invalid character "!"',
    });
  });
});
