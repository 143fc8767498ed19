/**
 * The invite code text format (v2). Known answers come from an independent Python implementation
 * (the BIP-350 reference bech32m functions, hashlib.blake2b for the commitment, and the payload
 * layout of docs/PROTOCOL.md §10.2).
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
const CODE =
  'QUIRE1-ZQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0M7S-R3Q3N-GGWVD-Y5WXJ-XZLR5-FP3YN-ND9NK-UCTV9-EJHSC-TDWPK-X2TN0-WFN3Z-VFEXG-HRZD3-C9CCJ-UV3S8-G6RGD-P5G0Q-759';
const S2 = new Uint8Array(32).fill(0xff);
const C2 = hex('d12fd1eee6c67f0add7b81f8320d2ffa');
const URLS2 = ['wss://quire-rendezvous.example.org:8443/signal'];
const CODE2 =
  'QUIRE1-ZLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLAZT-73AMN-VVLC2-M4ACR-7PJP5-HL42R-3W45H-YEFDW-FJKUE-R90FM-X7ATN-9EJHS-CTDWP-KX2TN-0WFNN-5WP5X-SEJ7U-MFVAH-XZMQ6-WTTKH';
/** The same S and URLS as a version-1 code (no commitment), as an older Quire made it. */
const CODE_V1 =
  'QUIRE1-PQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0EYU-MFVAH-XZMPW-V4UXZ-MTSD3-JJUMM-JVUGN-ZWFJ9-CCNVW-PWXYH-RYVP6-XS6RG-DQW4T-P9C';

const encode = (secret: Uint8Array, rendezvousUrls: string[], commitment = C): string => {
  const r = encodeInviteCode({ secret, commitment, rendezvousUrls });
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

describe('encodeInviteCode / parseInviteCode', () => {
  it('produces the known-answer codes', () => {
    expect(encode(S, URLS)).toBe(CODE);
    expect(encode(S2, URLS2, C2)).toBe(CODE2);
    expect(CODE).toMatch(/^QUIRE1-Z/); // the version symbol 2 is the first data character
    expect(inviteCodeToQrText(CODE)).toBe(CODE);
    expect(CODE).toMatch(/^[0-9A-Z-]+$/); // QR alphanumeric mode
  });

  it('parses the known-answer codes back to exactly their contents', () => {
    expect(parseInviteCode(CODE)).toEqual({
      ok: true,
      value: { version: 2, secret: S, commitment: C, rendezvousUrls: URLS },
    });
    expect(parseInviteCode(CODE2)).toEqual({
      ok: true,
      value: { version: 2, secret: S2, commitment: C2, rendezvousUrls: URLS2 },
    });
  });

  it('round-trips random secrets with 1 to 4 URLs', () => {
    const rnd = prng(1);
    for (let n = 0; n < 200; n++) {
      const secret = new Uint8Array(32).map(() => Math.floor(rnd() * 256));
      const commitment = new Uint8Array(16).map(() => Math.floor(rnd() * 256));
      const urls = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => {
        const host = `h${Math.floor(rnd() * 1e6)}.example.org`;
        const tail = rnd() < 0.5 ? `:${1 + Math.floor(rnd() * 65535)}/p${i}` : '';
        return `${rnd() < 0.8 ? 'wss' : 'ws'}://${host}${tail}`;
      });
      const parsed = parseInviteCode(encode(secret, urls, commitment));
      expect(parsed.ok && parsed.value).toEqual({
        version: 2,
        secret,
        commitment,
        rendezvousUrls: urls,
      });
    }
  });

  it('adds about 26 characters for the commitment; the documented lengths hold', () => {
    const typical = encode(S, ['wss://rendezvous.example.org', 'wss://backup.example.net:8443/ws']);
    expect(typical.length).toBe(203);
    expect(encode(S, ['wss://rendezvous.example.org']).length).toBe(152);
    // Documented: under 200 while the sum over URLs of (1 + length after the scheme) <= 47.
    const urlsOf = (sum: number): string[] => [
      `wss://${'a'.repeat(30)}.org`,
      `wss://${'b'.repeat(sum - 2 - 34 - 4)}.org`,
    ];
    expect(encode(S, urlsOf(47)).length).toBeLessThan(200);
    expect(encode(S, urlsOf(48)).length).toBeGreaterThanOrEqual(200);
    const host = `${'x'.repeat(60)}.${'y'.repeat(62)}`;
    const longest = Array.from({ length: 4 }, (_, i) => `ws://${host}.or${i}`);
    expect(longest[0]).toHaveLength(5 + 127);
    const longestCode = encode(S, longest);
    expect(longestCode).toHaveLength(1090);
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

  it('says outdated_version for a version-1 code, unsupported_version for any other', () => {
    expect(parseInviteCode(CODE_V1)).toEqual({
      ok: false,
      error: 'outdated_version',
      detail: 'version 1',
    });
    const v1Payload = [...S, ...urlEntry('signal.example.org')];
    expect(parseInviteCode(rawCode(1, v1Payload))).toMatchObject({ error: 'outdated_version' });
    const payload = [...S, ...C, ...urlEntry('signal.example.org')];
    expect(parseInviteCode(rawCode(2, payload)).ok).toBe(true);
    for (const version of [0, 3, 31])
      expect(parseInviteCode(rawCode(version, payload))).toMatchObject({
        ok: false,
        error: 'unsupported_version',
      });
    // A typo in an old code is still reported as a typo.
    expect(parseInviteCode(CODE_V1.replace('P9C', 'P9Q'))).toMatchObject({
      error: 'checksum_mismatch',
    });
  });

  it('says malformed for a checksummed payload that does not parse', () => {
    const bad: number[][] = [
      [...S, ...C], // no URL
      [...S, ...urlEntry('signal.example.org')], // no commitment (a v1 payload under v2)
      [...S.slice(0, 20)], // short secret
      [...S, ...C.slice(0, 8)], // short commitment
      [...S, ...C, 0x80], // empty URL entry
      [...S, ...C, ...urlEntry('signal.example.org').slice(0, 10)], // truncated entry
      [...S, ...C, ...urlEntry('user:pw@signal.example.org')], // credentials
      [...S, ...C, ...urlEntry('signal.example.org/?q=1')], // query
      [...S, ...C, ...urlEntry('SIGNAL.example.org')], // not canonical
      [...S, ...C, ...urlEntry('sig nal.example.org')], // space
      [...S, ...C, 0x82, 0xc3, 0xa9], // non-ASCII
      [...S, ...C, ...[1, 2, 3, 4, 5].flatMap((i) => urlEntry(`h${i}.example.org`))], // 5 URLs
    ];
    for (const payload of bad)
      expect(parseInviteCode(rawCode(2, payload)), String(payload.length)).toMatchObject({
        ok: false,
        error: 'malformed',
      });
    expect(parseInviteCode('QUIRE1-ZQQQS')).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('a flipped payload byte (checksum recomputed, so not a typo) changes what the code says', () => {
    // Tampering that keeps the checksum valid is not detected by the code itself: it parses to a
    // different secret or commitment (which the welcome check then refuses), or fails.
    const payload = [...S, ...C, ...urlEntry('signal.example.org')];
    const original = parseInviteCode(rawCode(2, payload));
    if (!original.ok) throw new Error(original.error);
    for (let i = 0; i < payload.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const tampered = [...payload];
        tampered[i] = (tampered[i] ?? 0) ^ bit;
        const r = parseInviteCode(rawCode(2, tampered));
        if (r.ok) expect(r.value, `byte ${i}`).not.toEqual(original.value);
        if (r.ok && i >= 32 && i < 48)
          expect(r.value.commitment, `byte ${i}`).not.toEqual(original.value.commitment);
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

  it('refuses to encode a bad secret, commitment or URL list', () => {
    const bad = [
      { secret: new Uint8Array(31), commitment: C, rendezvousUrls: URLS },
      { secret: S, commitment: C.slice(1), rendezvousUrls: URLS },
      { secret: S, commitment: new Uint8Array(32), rendezvousUrls: URLS },
      { secret: S, commitment: C, rendezvousUrls: [] },
      { secret: S, commitment: C, rendezvousUrls: ['https://example.org'] },
      { secret: S, commitment: C, rendezvousUrls: ['wss://a:b@example.org'] },
      {
        secret: S,
        commitment: C,
        rendezvousUrls: ['a', 'b', 'c', 'd', 'e'].map((h) => `wss://${h}.org`),
      },
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
