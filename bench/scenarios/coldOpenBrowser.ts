import { resolve } from 'node:path';
import * as Y from 'yjs';
import { build } from 'vite';
import { toHex } from '../../shared/crypto/bytes.ts';
import type { BenchContext } from '../BenchContext.ts';
import type { ColdOpenArgs } from '../browser/coldOpenPage.ts';
import { launchChromium } from '../chromium.ts';
import { median } from '../stats.ts';
import { toSnapshot } from '../storeSnapshot.ts';
import { serveStatic } from '../webServer.ts';
import type { ReplayedDoc } from './traceReplay.ts';

interface Opened {
  readonly ms: number;
  readonly length: number;
}

/**
 * Scenario 4 in Chromium: bench/browser/coldOpenPage.ts (built with Vite, served with the app's
 * CSP) stores the replayed document in the browser's real IndexedDB as the app does, then each
 * repetition reloads the page (a fresh JS context) and opens it: Quire (CellSync over the sealed
 * store) and plain Yjs (one row, applied), alternating.
 */
export async function coldOpenBrowser(
  ctx: BenchContext,
  doc: ReplayedDoc,
): Promise<Record<string, number>> {
  const outDir = resolve(ctx.projectRoot, 'bench/out/coldopen');
  await build({
    configFile: false,
    root: resolve(ctx.projectRoot, 'bench/browser'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 4096 },
  });
  const web = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const ready = async (): Promise<void> => {
      await page.locator('#status', { hasText: 'ready' }).waitFor({ timeout: 60_000 });
    };
    await page.goto(web.url);
    await ready();
    const args: ColdOpenArgs = {
      cellId: toHex(doc.cell.cellId),
      epochKey: toHex(doc.cell.epochKey),
      docId: toHex(doc.cell.docId),
      signPk: toHex(doc.me.signPk),
      signSk: toHex(doc.me.signSk),
    };
    const snapshot = await toSnapshot(doc.store);
    await page.evaluate(
      ([a, s, p]) =>
        (
          window as unknown as { quireBench: { seed: (...x: unknown[]) => Promise<void> } }
        ).quireBench.seed(a, s, p),
      [args, snapshot, Array.from(doc.plainState)] as const,
    );
    const call = async (fn: 'openQuire' | 'openPlain'): Promise<Opened> => {
      await page.reload();
      await ready();
      return page.evaluate(
        ([f, a]) =>
          (window as unknown as { quireBench: Record<string, (x: unknown) => Promise<Opened>> })
            .quireBench[f]!(a),
        [fn, args] as const,
      );
    };
    const expected = new Y.Doc();
    Y.applyUpdate(expected, doc.plainState);
    const length = expected.getText('t').length;
    const reps = ctx.quick ? 2 : 7;
    const q: number[] = [];
    const p: number[] = [];
    const ratios: number[] = [];
    for (let rep = -1; rep < reps; rep++) {
      const first = rep % 2 === 0 ? 'openQuire' : 'openPlain';
      const a = await call(first);
      const b = await call(first === 'openQuire' ? 'openPlain' : 'openQuire');
      const [qr, pr] = first === 'openQuire' ? [a, b] : [b, a];
      if (qr.length !== length || pr.length !== length)
        throw new Error('browser cold open: wrong text');
      if (rep < 0) continue; // warm-up: the browser's first IndexedDB open of the profile
      q.push(qr.ms);
      p.push(pr.ms);
      ratios.push(qr.ms / pr.ms);
    }
    ctx.log(
      `  cold open in Chromium: quire ${median(q).toFixed(1)} ms, plain ${median(p).toFixed(1)} ms`,
    );
    return {
      cold_open_browser_ms: median(q),
      cold_open_browser_plain_ms: median(p),
      cold_open_browser_ratio: median(ratios),
      cold_open_browser_reps: reps,
    };
  } finally {
    await browser.close();
    await web.close();
  }
}
