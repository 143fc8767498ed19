/**
 * `npm run web [-- --port 5173 --host 127.0.0.1 --no-build]`: builds the renderer and serves
 * dist/renderer with a small static server of our own (no directory listings, no fallbacks,
 * traversal-safe, the renderer's CSP as a header). For Chromium without Electron: tests, demos.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../renderer/contentSecurityPolicy.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const distRoot = resolve(projectRoot, 'dist/renderer');

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function fail(res: ServerResponse, status: number): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status}\n`);
}

/** The file under distRoot that `rawUrl` names, or null if it names nothing we serve. */
async function resolveFile(rawUrl: string): Promise<string | null> {
  if (rawUrl.length > 2048) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const candidate = resolve(distRoot, `.${pathname}`);
  if (!candidate.startsWith(distRoot + sep)) return null;
  try {
    // realpath: a symlink inside dist must not lead outside it either.
    const real = await realpath(candidate);
    const realRoot = await realpath(distRoot);
    if (!real.startsWith(realRoot + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    fail(res, 405);
    return;
  }
  const file = await resolveFile(req.url ?? '/');
  const type = file === null ? undefined : MIME_TYPES[extname(file).toLowerCase()];
  if (file === null || type === undefined) {
    fail(res, 404);
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function parseOptions(): { port: number; host: string; build: boolean } {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5173' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  }
  return { port, host: values.host, build: !values['no-build'] };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.build) {
    await build({ configFile: resolve(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) fail(res, 500);
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`Quire web on http://${host}:${port}/`);
  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
