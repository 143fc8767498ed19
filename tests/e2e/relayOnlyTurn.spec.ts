import type { Page } from '@playwright/test';
import { startCoturn, type Coturn } from '../support/startCoturn.ts';
import { appUrl, createDraft, draftText, expect, serverUrls, test } from './fixtures.ts';
import { createCell, createVault, lockNow, unlock, VAULT_TIMEOUT_MS } from './shellSteps.ts';
import {
  expectConverged,
  inviteAndApprove,
  NETWORK_TIMEOUT_MS,
  openDraft,
  openTab,
  typeAtEnd,
} from './threePeopleSteps.ts';

/**
 * Issue 16's end-to-end test: three people in three Chromium contexts, a real TURN server
 * (coturn on 127.0.0.1, started here) and relay-only for the whole cell. They converge; every
 * WebRTC connection on every page has only relay candidates of its own and no host or
 * server-reflexive one from the others; with the TURN server stopped, a member who reconnects
 * stays unconnected (no direct fallback) and her status line says why.
 */

/** Records every RTCPeerConnection the page makes, so that the test can read getStats(). */
function trackPeerConnections(): void {
  const Native = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  (window as unknown as { quirePeerConnections: RTCPeerConnection[] }).quirePeerConnections = made;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      made.push(this);
    }
  };
}

interface IceSeen {
  /** Connections in state 'connected'. */
  readonly connected: number;
  readonly localTypes: string[];
  readonly remoteTypes: string[];
  /** [local, remote] candidate types of each succeeded pair. */
  readonly pairs: [string, string][];
  readonly policies: string[];
}

/** How many peer connections the page has made so far. */
const madeSoFar = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      (window as unknown as { quirePeerConnections: RTCPeerConnection[] }).quirePeerConnections
        .length,
  );

/** Every candidate the page's peer connections (from the `from`th on) hold, and their succeeded pairs. */
const iceSeen = (page: Page, from = 0): Promise<IceSeen> =>
  page.evaluate(async (first) => {
    const pcs = (
      window as unknown as { quirePeerConnections: RTCPeerConnection[] }
    ).quirePeerConnections.slice(first);
    const seen = {
      connected: 0,
      localTypes: [] as string[],
      remoteTypes: [] as string[],
      pairs: [] as [string, string][],
      policies: [] as string[],
    };
    for (const pc of pcs) {
      if (pc.connectionState === 'connected') seen.connected += 1;
      seen.policies.push(pc.getConfiguration().iceTransportPolicy ?? 'all');
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((s: Record<string, unknown>) => byId.set(String(s['id']), s));
      for (const s of byId.values()) {
        if (s['type'] === 'local-candidate') seen.localTypes.push(String(s['candidateType']));
        if (s['type'] === 'remote-candidate') seen.remoteTypes.push(String(s['candidateType']));
        if (s['type'] === 'candidate-pair' && s['state'] === 'succeeded') {
          const local = byId.get(String(s['localCandidateId']));
          const remote = byId.get(String(s['remoteCandidateId']));
          seen.pairs.push([String(local?.['candidateType']), String(remote?.['candidateType'])]);
        }
      }
    }
    return seen;
  }, from);

const statusLine = (page: Page) => page.locator('p.cell-status');

test.describe('relay-only through a real TURN server', () => {
  let turn: Coturn;
  test.beforeAll(async () => {
    turn = await startCoturn();
  });
  test.afterAll(async () => {
    await turn.stop();
  });

  test('three people converge through the relay only; without it nobody connects directly', async ({
    person,
  }) => {
    test.setTimeout(8 * VAULT_TIMEOUT_MS);
    const cellName = 'Relay cell';
    const url = appUrl({ lang: 'en', signal: [serverUrls().signal] });
    const pages: Page[] = [];
    for (let i = 0; i < 3; i++) {
      const page = (await person(url)).page;
      await page.addInitScript(trackPeerConnections);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-sodium', 'ready');
      pages.push(page);
    }
    const [anna, boris, chen] = pages as [Page, Page, Page];

    // Anna creates the cell, gives it the TURN server and relay-only, and reopens it with them.
    await createVault(anna);
    await createCell(anna, cellName, 'Anna');
    await anna.getByRole('tab', { name: 'Settings' }).click();
    const { urls, username, credential } = turn.iceServer;
    await anna
      .getByLabel(
        'STUN and TURN servers (one per line: address, then user name and password for TURN)',
      )
      .fill(`${urls} ${username} ${credential}`);
    await anna.getByLabel('Relay-only mode: never connect directly to other members').check();
    await anna.getByRole('button', { name: 'Save connection settings' }).click();
    await expect(anna.getByText('Saved. Reconnect now')).toBeVisible();
    await lockNow(anna);
    await unlock(anna);
    // And, as coordinator, for the whole cell: it applies at once, on every member's device.
    await anna.getByRole('tab', { name: 'Settings' }).click();
    await anna
      .getByLabel('Nobody sees anybody’s IP address: relay-only for every member of this cell')
      .check();
    await expect(statusLine(anna)).toContainText('relay only, set for the whole cell');

    // Boris and Chen join: the welcome carries the TURN server and relay-only.
    await openTab(anna, 'Members');
    await inviteAndApprove(anna, boris, 'Boris', cellName);
    await inviteAndApprove(anna, chen, 'Chen', cellName);

    await openTab(anna, 'Drafts');
    await createDraft(anna, 'Route');
    const annaEditor = draftText(anna, 'Route');
    await typeAtEnd(anna, annaEditor, 'Anna. ');
    const borisEditor = await openDraft(boris, 'Route');
    const chenEditor = await openDraft(chen, 'Route');
    await typeAtEnd(boris, borisEditor, 'Boris. ');
    // As a person would: Chen types once she sees Boris's sentence whole (batching windows of up
    // to 1 s would otherwise interleave two people typing at one spot).
    await expect(chenEditor).toContainText('Boris.', { timeout: NETWORK_TIMEOUT_MS });
    await typeAtEnd(chen, chenEditor, 'Chen. ');
    await expectConverged([annaEditor, borisEditor, chenEditor], ['Anna.', 'Boris.', 'Chen.']);

    for (const page of pages) {
      await expect(statusLine(page)).toContainText('relay only, set for the whole cell');
      await expect
        .poll(async () => (await iceSeen(page)).connected, {
          timeout: NETWORK_TIMEOUT_MS,
        })
        .toBeGreaterThanOrEqual(2);
      const seen = await iceSeen(page);
      expect(
        seen.policies.every((p) => p === 'relay'),
        seen.policies.join(),
      ).toBe(true);
      expect(seen.localTypes.length).toBeGreaterThan(0);
      expect(new Set(seen.localTypes)).toEqual(new Set(['relay']));
      // A remote address learnt from a check (prflx) is the other side's relay address.
      for (const t of seen.remoteTypes) expect(['relay', 'prflx']).toContain(t);
      expect(seen.pairs.length).toBeGreaterThan(0);
      for (const [local] of seen.pairs) expect(local).toBe('relay');
    }

    // The TURN server goes away. Chen restarts her session: she finds the others on the
    // rendezvous, connects to nobody (never directly), and the status line says why.
    await turn.stop();
    await lockNow(chen);
    const before = await madeSoFar(chen);
    await unlock(chen);
    await expect(statusLine(chen)).toHaveAttribute('data-state', 'relayFailing', {
      timeout: NETWORK_TIMEOUT_MS,
    });
    await expect(statusLine(chen)).toContainText(
      'no connection through the relay (TURN) server works',
    );
    const after = await iceSeen(chen, before);
    expect(after.policies.length, 'she tried to connect').toBeGreaterThan(0);
    expect(after.connected).toBe(0);
    for (const t of after.localTypes) expect(t).toBe('relay');
    for (const t of after.remoteTypes) expect(['relay', 'prflx']).toContain(t);
  });
});
