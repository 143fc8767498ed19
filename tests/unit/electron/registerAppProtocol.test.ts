import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/policy/contentSecurityPolicy.ts';
import { registerAppProtocol } from '../../../electron/main/registerAppProtocol.ts';

type Handler = (request: Request) => Promise<Response>;

/** Runs the real app:// handler against real files; only Electron's registry is replaced. */
describe('registerAppProtocol', () => {
  let base: string;
  let handler: Handler;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'quire-app-protocol-'));
    const root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Quire</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(base, 'secret.txt'), 'outside the root');
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.js'));
    const schemes: string[] = [];
    const protocol = {
      handle: (scheme: string, h: Handler) => {
        schemes.push(scheme);
        handler = h;
      },
    } as unknown as Protocol;
    registerAppProtocol(protocol, root);
    expect(schemes).toEqual(['app']);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html with the CSP and security headers', async () => {
    const res = await handler(new Request('app://quire/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Quire</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await handler(new Request('app://quire/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 with the CSP for traversal, missing files and symlinks out of the root', async () => {
    for (const url of [
      'app://quire/../secret.txt',
      'app://quire/%2e%2e/secret.txt',
      'app://quire/assets/link.js',
      'app://quire/missing.js',
      'app://quire/assets',
      'app://other/index.html',
    ]) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves only GET and HEAD', async () => {
    expect(
      (await handler(new Request('app://quire/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
    const head = await handler(new Request('app://quire/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
