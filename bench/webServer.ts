import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../renderer/contentSecurityPolicy.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Builds the renderer into bench/out/renderer (never dist/, which the e2e tests of other
 * engineers may be serving at the same time).
 */
export async function buildRenderer(projectRoot: string): Promise<string> {
  const outDir = resolve(projectRoot, 'bench/out/renderer');
  await build({
    configFile: resolve(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** A static server for the built renderer on 127.0.0.1, with the app's CSP as a header. */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const realRoot = await realpath(root);
  const server: Server = createServer((req, res) => {
    const fail = (status: number): void => {
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(`${status}\n`);
    };
    void (async () => {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = await realpath(resolve(realRoot, `.${path}`)).catch(() => null);
      const type = file ? TYPES[extname(file).toLowerCase()] : undefined;
      if (!file || !file.startsWith(realRoot + sep) || !type || !(await stat(file)).isFile()) {
        fail(404);
        return;
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-store',
      });
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    })().catch(() => fail(500));
  });
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
