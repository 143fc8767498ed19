import { randomBytes } from 'node:crypto';
import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test';

/** Where globalSetup started the servers (see tests/e2e/globalSetup.ts). */
export function serverUrls(): { readonly web: string; readonly signal: string } {
  const web = process.env['QUIRE_E2E_WEB_URL'];
  const signal = process.env['QUIRE_E2E_SIGNAL_URL'];
  if (!web || !signal) throw new Error('e2e servers not started: run through playwright.config.ts');
  return { web, signal };
}

/** A room name no other test (or earlier run) uses. */
export const uniqueRoom = (): string => `e2e-${randomBytes(8).toString('hex')}`;

/** The app URL for one person: `signal` (repeatable), `room`, `lang`; omit signal for offline. */
export function appUrl(options: {
  readonly room?: string;
  readonly signal?: readonly string[];
  readonly lang?: string;
}): string {
  const url = new URL(serverUrls().web);
  for (const signal of options.signal ?? []) url.searchParams.append('signal', signal);
  if (options.room !== undefined) url.searchParams.set('room', options.room);
  if (options.lang !== undefined) url.searchParams.set('lang', options.lang);
  return url.toString();
}

/** One person: their own browser context (no shared storage or BroadcastChannel) and page. */
export interface Person {
  readonly page: Page;
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  readonly problems: string[];
  /** Every WebSocket the page opened (to prove no public rendezvous server is contacted). */
  readonly sockets: string[];
}

async function openPerson(
  browser: Browser,
  url: string,
): Promise<Person & { close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const sockets: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-sodium', 'ready');
  return { page, problems, sockets, close: () => context.close() };
}

/**
 * `person(url)` opens the app as a new person. At the end of the test every person must have
 * seen no console error, page error or CSP violation.
 */
export const test = base.extend<{ person: (url: string) => Promise<Person> }>({
  person: async ({ browser }, provide) => {
    const people: (Person & { close(): Promise<void> })[] = [];
    await provide(async (url) => {
      const opened = await openPerson(browser, url);
      people.push(opened);
      return opened;
    });
    for (const opened of people) {
      expect(opened.problems, 'console errors, page errors or CSP violations').toEqual([]);
      await opened.close();
    }
  },
});

export { expect };

/** The connection indicator (a live status region). */
export const connectionStatus = (page: Page): Locator =>
  page.getByRole('status', { name: 'Connection' });

/** The text area of the draft titled `title` (English UI). */
export const draftText = (page: Page, title: string): Locator =>
  page.getByRole('textbox', { name: `Text of “${title}”` });

/** Creates a draft through the form, which also selects it. */
export async function createDraft(page: Page, title: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Title of a new draft' }).fill(title);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(draftText(page, title)).toBeVisible();
}
