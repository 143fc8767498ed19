import type { Page } from '@playwright/test';
import { launchChromium } from '../chromium.ts';
import type { BenchContext, ScenarioResult } from '../BenchContext.ts';
import { installProbe, takeSamples, typeKeys } from '../keystrokeProbe.ts';
import { percentile } from '../stats.ts';
import { serveStatic } from '../webServer.ts';

const PASSPHRASE = 'velvet tundra mosaic quarrel orbit';
const TITLE = 'Paper';
const WAIT = { timeout: 120_000 };

/** The real app's first run: vault (calibrated Argon2id), a cell, a draft; returns the editor. */
async function openDraft(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-sodium="ready"]').waitFor(WAIT);
  await page.getByRole('button', { name: 'Start a new cell' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByLabel('I understand that if I forget this passphrase').check();
  await page.locator('.strength[data-score="4"], .strength[data-score="3"]').waitFor(WAIT);
  await page.getByRole('button', { name: 'Create my encrypted vault' }).click();
  await page.getByLabel('Name of the cell').waitFor(WAIT);
  await page.getByLabel('Name of the cell').fill('Bench cell');
  await page.getByLabel('Your pseudonym in this cell').fill('Typist');
  await page.getByRole('button', { name: 'Create cell' }).click();
  await page.getByRole('textbox', { name: 'Title of a new draft' }).fill(TITLE);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('textbox', { name: `Text of “${TITLE}”` }).waitFor(WAIT);
}

/** Puts `text` into the focused editor as one paste (ProseMirror splits it into paragraphs). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** The caret at the start of the middle paragraph, scrolled into view. */
async function caretToMiddle(page: Page): Promise<number> {
  return page.getByRole('textbox', { name: `Text of “${TITLE}”` }).evaluate((el) => {
    const ps = el.querySelectorAll('p');
    const p = ps[Math.floor(ps.length / 2)];
    if (!p) return 0;
    p.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(p.firstChild ?? p, 0);
    range.collapse(true);
    const sel = getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    return el.textContent?.length ?? 0;
  });
}

/**
 * Scenario 7: keystroke-to-paint in the real app (vite build of renderer/, served with its CSP),
 * typing into a draft that holds the automerge-paper text, in Chromium. Control: a bare
 * <textarea> in a second browser, the floor of this browser and machine. Blocks of keys
 * alternate between the two.
 */
export async function typing(
  ctx: BenchContext,
  paperText: string | undefined,
): Promise<ScenarioResult> {
  if (paperText === undefined)
    ctx.log('  typing: no trace here; the draft is 108 KB of filler text');
  const text = paperText ?? 'lorem ipsum dolor sit amet\n'.repeat(4000);
  const draftText = ctx.quick ? text.slice(0, 20_000) : text;
  const root = await ctx.rendererBuild();
  const web = await serveStatic(root);
  const [appBrowser, controlBrowser] = [await launchChromium(), await launchChromium()];
  try {
    const app = await appBrowser.newPage();
    const t0 = performance.now();
    await openDraft(app, `${web.url}?lang=en&signal=${encodeURIComponent(ctx.signalUrl)}`);
    const setupS = (performance.now() - t0) / 1000;
    await app.getByRole('textbox', { name: `Text of “${TITLE}”` }).click();
    await paste(app, draftText);
    await app.waitForTimeout(ctx.quick ? 1000 : 3000);
    const chars = await caretToMiddle(app);
    const control = await controlBrowser.newPage();
    await control.setContent(
      '<!doctype html><textarea rows="20" cols="80" aria-label="control"></textarea>',
    );
    await control.getByLabel('control').fill(draftText.slice(0, 20_000));
    await control.getByLabel('control').focus();
    for (const p of [app, control]) {
      await installProbe(p);
      await typeKeys(p, ctx.quick ? 10 : 20, 40); // warm-up
      await takeSamples(p);
    }
    const blocks = ctx.quick ? 2 : 8;
    const perBlock = ctx.quick ? 30 : 50;
    const appKey: number[] = [];
    const appHandler: number[] = [];
    const ctlKey: number[] = [];
    for (let b = 0; b < blocks; b++) {
      for (const p of b % 2 === 0 ? [app, control] : [control, app]) {
        await typeKeys(p, perBlock, 40);
        await p.waitForTimeout(100);
        const s = await takeSamples(p);
        if (p === app) {
          appKey.push(...s.keyToPaint);
          appHandler.push(...s.handlerToPaint);
        } else ctlKey.push(...s.keyToPaint);
      }
    }
    ctx.log(
      `  typing: app p95 ${percentile(appKey, 0.95).toFixed(1)} ms, textarea p95 ${percentile(ctlKey, 0.95).toFixed(1)} ms (${appKey.length} keys)`,
    );
    return {
      metrics: { typing_p95_ms: percentile(appKey, 0.95), typing_p99_ms: percentile(appKey, 0.99) },
      details: {
        typing_in_real_app: 1,
        typing_keystrokes: appKey.length,
        typing_draft_chars: chars,
        typing_p50_ms: percentile(appKey, 0.5),
        typing_max_ms: Math.max(...appKey),
        typing_handler_p95_ms: percentile(appHandler, 0.95),
        typing_control_p50_ms: percentile(ctlKey, 0.5),
        typing_control_p95_ms: percentile(ctlKey, 0.95),
        typing_control_p99_ms: percentile(ctlKey, 0.99),
        typing_app_setup_s: setupS,
      },
    };
  } finally {
    await appBrowser.close();
    await controlBrowser.close();
    await web.close();
  }
}
