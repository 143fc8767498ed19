/**
 * The invite code text format. Known answers come from an independent Python implementation (the
 * BIP-350 reference bech32m functions and the payload layout of docs/PROTOCOL.md).
 */
import { describe, expect, it } from 'vitest';
import { BECH32_ALPHABET, bech32mChecksum } from '../../../shared/invite/bech32mChecksum.ts';
import { convertBits } from '../../../shared/invite/convertBits.ts';
import { encodeInviteCode } from '../../../shared/invite/encodeInviteCode.ts';
import { inviteCodeToQrText } from '../../../shared/invite/inviteCodeToQrText.ts';
import { parseInviteCode } from '../../../shared/invite/parseInviteCode.ts';
import { prng } from './inviteFixture.ts';

const S = new Uint8Array(32).map((_, i) => i);
const URLS = ['wss://signal.example.org', 'ws://192.168.1.20:4444'];
const CODE =
  'QUIRE1-PQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0EYU-MFVAH-XZMPW-V4UXZ-MTSD3-JJUMM-JVUGN-ZWFJ9-CCNVW-PWXYH-RYVP6-XS6RG-DQW4T-P9C';
const S2 = new Uint8Array(32).fill(0xff);
const URLS2 = ['wss://quire-rendezvous.example.org:8443/signal'];
const CODE2 =
  'QUIRE1-PLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LLLLL-LL6SU-T4D9E-X2TTJ-V4HXG-ET6WE-HH2UE-WV4UX-ZMTSD-3JJUM-MJVUA-RSDP5-XVHHX-6T8DE-SKCTT-YPWY';

const encode = (secret: Uint8Array, rendezvousUrls: string[]): string => {
  const r = encodeInviteCode({ secret, rendezvousUrls });
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
    expect(encode(S2, URLS2)).toBe(CODE2);
    expect(inviteCodeToQrText(CODE)).toBe(CODE);
    expect(CODE).toMatch(/^[0-9A-Z-]+$/); // QR alphanumeric mode
  });

  it('parses the known-answer codes back to exactly their contents', () => {
    expect(parseInviteCode(CODE)).toEqual({
      ok: true,
      value: { version: 1, secret: S, rendezvousUrls: URLS },
    });
    expect(parseInviteCode(CODE2)).toEqual({
      ok: true,
      value: { version: 1, secret: S2, rendezvousUrls: URLS2 },
    });
  });

  it('round-trips random secrets with 1 to 4 URLs', () => {
    const rnd = prng(1);
    for (let n = 0; n < 200; n++) {
      const secret = new Uint8Array(32).map(() => Math.floor(rnd() * 256));
      const urls = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => {
        const host = `h${Math.floor(rnd() * 1e6)}.example.org`;
        const tail = rnd() < 0.5 ? `:${1 + Math.floor(rnd() * 65535)}/p${i}` : '';
        return `${rnd() < 0.8 ? 'wss' : 'ws'}://${host}${tail}`;
      });
      const parsed = parseInviteCode(encode(secret, urls));
      expect(parsed.ok && parsed.value).toEqual({ version: 1, secret, rendezvousUrls: urls });
    }
  });

  it('stays under 200 characters for two typical URLs, and the documented limit holds', () => {
    const typical = encode(S, ['wss://rendezvous.example.org', 'wss://backup.example.net:8443/ws']);
    expect(typical.length).toBe(173);
    // Documented: under 200 while the sum over URLs of (1 + length after the scheme) <= 63.
    const urlsOf = (sum: number): string[] => [
      `wss://${'a'.repeat(30)}.org`,
      `wss://${'b'.repeat(sum - 2 - 34 - 4)}.org`,
    ];
    expect(encode(S, urlsOf(63)).length).toBeLessThan(200);
    expect(encode(S, urlsOf(64)).length).toBeGreaterThanOrEqual(200);
    const host = `${'x'.repeat(60)}.${'y'.repeat(62)}`;
    const longest = Array.from({ length: 4 }, (_, i) => `ws://${host}.or${i}`);
    expect(longest[0]).toHaveLength(5 + 127);
    const longestCode = encode(S, longest);
    expect(longestCode).toHaveLength(1060);
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

  it('says unsupported_version for a well-formed code of another version', () => {
    const payload = [...S, ...urlEntry('signal.example.org')];
    expect(parseInviteCode(rawCode(1, payload)).ok).toBe(true);
    expect(parseInviteCode(rawCode(2, payload))).toMatchObject({
      ok: false,
      error: 'unsupported_version',
    });
  });

  it('says malformed for a checksummed payload that does not parse', () => {
    const bad: number[][] = [
      [...S], // no URL
      [...S.slice(0, 20)], // short secret
      [...S, 0x80], // empty URL entry
      [...S, ...urlEntry('signal.example.org').slice(0, 10)], // truncated entry
      [...S, ...urlEntry('user:pw@signal.example.org')], // credentials
      [...S, ...urlEntry('signal.example.org/?q=1')], // query
      [...S, ...urlEntry('SIGNAL.example.org')], // not canonical
      [...S, ...urlEntry('sig nal.example.org')], // space
      [...S, 0x82, 0xc3, 0xa9], // non-ASCII
      [...S, ...[1, 2, 3, 4, 5].flatMap((i) => urlEntry(`h${i}.example.org`))], // 5 URLs
    ];
    for (const payload of bad)
      expect(parseInviteCode(rawCode(1, payload))).toMatchObject({ ok: false, error: 'malformed' });
    expect(parseInviteCode('QUIRE1-PQQQS')).toMatchObject({ ok: false, error: 'malformed' });
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

  it('refuses to encode a bad secret or URL list', () => {
    const bad = [
      { secret: new Uint8Array(31), rendezvousUrls: URLS },
      { secret: S, rendezvousUrls: [] },
      { secret: S, rendezvousUrls: ['https://example.org'] },
      { secret: S, rendezvousUrls: ['wss://a:b@example.org'] },
      { secret: S, rendezvousUrls: ['a', 'b', 'c', 'd', 'e'].map((h) => `wss://${h}.org`) },
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
