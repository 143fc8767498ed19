import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const requiresOf = (code: string): string[] =>
  [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))].sort();

/** Builds main and preload with electron/vite.config.ts into a temporary directory. */
describe('electron bundles', () => {
  let out: string;
  let main: string;
  let preload: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'quire-electron-build-'));
    const builder = await createBuilder({
      configFile: 'electron/vite.config.ts',
      logLevel: 'silent',
      environments: { main: { build: { outDir: out } }, preload: { build: { outDir: out } } },
    });
    await builder.buildApp();
    main = readFileSync(join(out, 'main.cjs'), 'utf8');
    preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the preload is one file that requires nothing but electron (all a sandboxed preload may load)', () => {
    expect(requiresOf(preload)).toEqual(['electron']);
  });

  it('main requires only electron, Node built-ins and ws’s optional native helpers', () => {
    const allowed = new Set(['electron', 'bufferutil', 'utf-8-validate', ...builtinModules]);
    const extra = requiresOf(main).filter((m) => !allowed.has(m.replace(/^node:/, '')));
    expect(extra).toEqual([]);
  });

  it('the preload, run as the sandbox runs it, exposes exactly window.quire and nothing else', async () => {
    const exposed: [string, unknown][] = [];
    const invoked: [string, unknown][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: {
        invoke: (channel: string, request: unknown) => {
          invoked.push([channel, request]);
          return Promise.resolve({ ok: true, value: { supported: true } });
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(preload, { require: sandboxRequire, module, exports: module.exports, console });
    expect(exposed.map(([key]) => key)).toEqual(['quire']);
    const api = exposed[0]![1] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(await api.setContentProtection!(true)).toEqual({ ok: true, value: { supported: true } });
    expect(await api.setContentProtection!('yes')).toEqual({ ok: false, error: 'invalid-request' });
    expect(invoked).toEqual([['quire:content-protection', { on: true }]]);
  });
});
