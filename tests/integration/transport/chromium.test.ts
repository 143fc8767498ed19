import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createPeerPool } from './peerProcess.ts';

const PEER = 'tests/integration/transport/peer.ts';
const ENTRY = fileURLToPath(new URL('./chromiumPeer.ts', import.meta.url));
const executablePath =
  process.env['CHROMIUM_PATH'] ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Bundles chromiumPeer.ts (shared/transport, y-webrtc, yjs) for the browser. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'chromiumPeer', fileName: () => 'peer.js' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs)
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  throw new Error('no bundle produced');
}

interface Digest {
  entries: number;
  bytes: number;
  hash: string;
}

describe('the transport in Chromium', () => {
  const pool = createPeerPool();
  let signal: SignalServer;
  let web: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    const code = await bundle();
    // Served from http://127.0.0.1, a secure context: y-webrtc needs WebCrypto.
    web = createServer((req, res) => {
      if (req.url === '/peer.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        res.end(code);
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!doctype html><script src="/peer.js"></script>');
      }
    });
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      ...(executablePath === undefined ? {} : { executablePath }),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    signal = await startSignalServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    await browser?.close();
    await signal?.close();
    await new Promise((r) => web?.close(r));
  });

  const openPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(origin);
    await page.waitForFunction(() => 'quirePeer' in window);
    return page;
  };

  it('Chromium fails a 300 KB message on a plain data channel, and carries 5 MB when wrapped', async () => {
    const page = await openPage();
    const plain = await page.evaluate(() => window.quirePeer.loopback(false, 300_000));
    expect(plain.received).toBe(-1);
    const wrapped = await page.evaluate(() => window.quirePeer.loopback(true, 5_000_000));
    expect(wrapped.received).toBe(5_000_000);
    await page.close();
  });

  it('a Chromium peer cold-joins a 4 MB wire doc held by a Node (@roamhq/wrtc) peer', async () => {
    const node = await pool.spawn(PEER, { name: 'node' });
    const filled = await node.request<Digest>('fill', {
      prefix: 'env',
      entries: 64,
      size: 64 * 1024,
    });
    const config = { roomName: 'chromium-interop', password: 'pw', signaling: [signal.url] };
    await node.request('join', { signaling: signal.url, room: config.roomName, password: 'pw' });
    const page = await openPage();
    expect(await page.evaluate((c) => window.quirePeer.join(c), config)).toBeUndefined();
    let got: Digest | undefined;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      got = await page.evaluate(() => window.quirePeer.digest());
      if (got.hash === filled.hash) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(got).toEqual({ entries: 64, bytes: filled.bytes, hash: filled.hash });
    expect(await page.evaluate(() => window.quirePeer.status())).toEqual({
      signalingConnected: true,
      signalingFailed: false,
      peers: 1,
    });
    // And back: a write in Chromium reaches the Node peer.
    await page.evaluate(() => window.quirePeer.put('from-chromium'));
    const back = await node.request<{ reached: boolean }>('waitFor', {
      entries: 65,
      timeoutMs: 10_000,
    });
    expect(back.reached).toBe(true);
    await page.evaluate(() => window.quirePeer.close());
    const stats = await page.evaluate(() => window.quirePeer.stats());
    expect(stats.transport.chunks.framesReceived).toBeGreaterThanOrEqual(64);
    expect(stats.escaped).toBe(0);
    await page.close();
  });
});

declare global {
  interface Window {
    quirePeer: {
      join(config: { roomName: string; password: string; signaling: string[] }): string | undefined;
      status(): unknown;
      put(key: string): void;
      digest(): Promise<Digest>;
      loopback(wrapped: boolean, size: number): Promise<{ received: number; error?: string }>;
      stats(): {
        transport: { chunks: { framesReceived: number } };
        swallowed: number;
        escaped: number;
      };
      close(): void;
    };
  }
}
