import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createInviteSecret } from '../../../shared/invite/createInviteSecret.ts';
import { encodeInviteCode } from '../../../shared/invite/encodeInviteCode.ts';
import {
  inviteQrDataUrl,
  inviteQrSvg,
  QR_QUIET_ZONE,
} from '../../../renderer/members/inviteQrDataUrl.ts';

/** The dark modules an SVG from inviteQrSvg draws, as "row,col" of the symbol (quiet zone off). */
function drawnModules(svg: string): Set<string> {
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const out = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    out.add(`${Number(m[2]) - QR_QUIET_ZONE},${Number(m[1]) - QR_QUIET_ZONE}`);
  }
  return out;
}

async function realCode(): Promise<string> {
  await sodiumReady();
  const code = encodeInviteCode({
    secret: createInviteSecret(),
    commitment: createInviteSecret().slice(0, 16),
    expiresAt: Date.UTC(2027, 0, 1),
    rendezvousUrls: ['wss://rendezvous.example.org/quire', 'ws://192.168.1.20:4444'],
  });
  if (!code.ok) throw new Error(code.error);
  return code.value;
}

describe('inviteQrSvg', () => {
  it('draws exactly the dark modules of the code at level M, inside a quiet zone', async () => {
    const code = await realCode();
    const svg = inviteQrSvg(code);
    const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let row = 0; row < qr.modules.size; row++) {
      for (let col = 0; col < qr.modules.size; col++) {
        if (qr.modules.get(row, col)) expected.add(`${row},${col}`);
      }
    }
    expect(drawnModules(svg)).toEqual(expected);
    const full = qr.modules.size + 2 * QR_QUIET_ZONE;
    expect(svg).toContain(`viewBox="0 0 ${full} ${full}"`);
    expect(svg).toContain(`<rect width="${full}" height="${full}" fill="#fff"/>`);
  });

  it('encodes the whole code, unchanged, in the compact alphanumeric mode', async () => {
    const code = await realCode();
    const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
    expect(qr.segments.map((s) => s.mode.id)).toEqual(['Alphanumeric']);
    expect(qr.segments.map((s) => String(s.data)).join('')).toBe(code);
  });

  it('different codes give different symbols', async () => {
    const [a, b] = [await realCode(), await realCode()];
    expect(drawnModules(inviteQrSvg(a))).not.toEqual(drawnModules(inviteQrSvg(b)));
  });

  it('wraps the SVG in a data: URL an <img> can show (nothing fetched)', async () => {
    const code = await realCode();
    const url = inviteQrDataUrl(code);
    const prefix = 'data:image/svg+xml;charset=utf-8,';
    expect(url.startsWith(prefix)).toBe(true);
    expect(decodeURIComponent(url.slice(prefix.length))).toBe(inviteQrSvg(code));
    expect(url).not.toMatch(/[\s<>"#]/);
  });
});
