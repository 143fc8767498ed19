import type { Page } from '@playwright/test';

/**
 * Installed in a page: for every keydown, the time from the event's timestamp (when the input
 * reached the page, so queueing behind busy main-thread work counts) to the next
 * requestAnimationFrame callback after the page handled it, i.e. the frame that paints the key.
 * Both on the performance.now() clock.
 */
export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyToPaint: number[]; __handlerToPaint: number[] };
    w.__keyToPaint = [];
    w.__handlerToPaint = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const handled = performance.now();
        requestAnimationFrame(() => {
          const now = performance.now();
          w.__keyToPaint.push(now - e.timeStamp);
          w.__handlerToPaint.push(now - handled);
        });
      },
      true,
    );
  });
}

export async function takeSamples(
  page: Page,
): Promise<{ keyToPaint: number[]; handlerToPaint: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __keyToPaint: number[]; __handlerToPaint: number[] };
    const out = { keyToPaint: w.__keyToPaint, handlerToPaint: w.__handlerToPaint };
    w.__keyToPaint = [];
    w.__handlerToPaint = [];
    return out;
  });
}

/** Types `n` letters one at a time, `gapMs` apart (a fast typist: ~70 ms per key with the press). */
export async function typeKeys(page: Page, n: number, gapMs: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(String.fromCharCode(97 + ((i * 7) % 26)));
    await page.waitForTimeout(gapMs);
  }
}
