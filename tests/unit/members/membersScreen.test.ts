import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { createCellRecord } from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import { addTask } from '../../../shared/cell/addTask.ts';
import { assignTask } from '../../../shared/cell/assignTask.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { listTasks } from '../../../shared/cell/listTasks.ts';
import { setInsideCountry } from '../../../shared/cell/setInsideCountry.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import { updateTask } from '../../../shared/cell/updateTask.ts';
import { memberName } from '../../../renderer/drafts/memberName.ts';
import { taskHandover } from '../../../renderer/members/taskHandover.ts';
import { MembersScreen } from '../../../renderer/members/MembersScreen.tsx';
import { RemovedBanner } from '../../../renderer/members/RemovedBanner.tsx';
import type { CellSession } from '../../../renderer/session/CellSession.ts';
import {
  createCellSession,
  type OpenCellSession,
} from '../../../renderer/session/createCellSession.ts';
import { admitRecord } from '../../support/admitRecord.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { fastVault } from '../vault/vaultFixture.ts';

/**
 * The Members screen rendered (server-side, no DOM) over real sessions: real roster ops signed
 * with libsodium, real CellRuntimes linked by the in-memory network. Checks what each person is
 * shown and offered; clicking through is covered by tests/e2e/inviteJourney.spec.ts.
 */

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

function identity(name: string): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Visible text of the markup (tags become spaces); never a raw key or a missing variable. */
function textOf(session: CellSession): string {
  const text = renderToStaticMarkup(createElement(MembersScreen, { session }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
  expect(text).not.toMatch(/\{\{|members\./);
  return text;
}

const buttons = (session: CellSession): string[] =>
  Array.from(
    renderToStaticMarkup(createElement(MembersScreen, { session })).matchAll(
      /<button[^>]*>([^<]*)<\/button>/g,
    ),
    (m) => m[1] ?? '',
  );

interface World {
  readonly anna: OpenCellSession;
  readonly boris: OpenCellSession;
  readonly advance: (ms: number) => Promise<void>;
}

const opened: OpenCellSession[] = [];

/** Anna creates a cell and admits Boris as a member (the admit an invite host would post). */
async function world(): Promise<World> {
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, Math.random, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 10,
    reconnectMs: 10,
  });
  const open = async (record: CellRecord, peer: number) => {
    const { vault } = await fastVault();
    const runtime = await CellRuntime.open({
      record,
      sealed: vault.store,
      transport: net.transportFor(peer),
      saveRecord: () => Promise.resolve(),
      scheduler,
    });
    const session = createCellSession(runtime, undefined);
    opened.push(session);
    return { runtime, session };
  };
  const created = createCellRecord({
    identity: identity('Anna'),
    name: 'Printers',
    signaling: ['ws://127.0.0.1:1'],
  });
  if (!created.ok) throw new Error(created.error);
  const { runtime: annaRuntime, session: anna } = await open(created.value, 0);

  const boris0 = identity('Boris');
  const record = await admitRecord(annaRuntime, boris0, 'member', Date.now(), true, 'for Boris');
  const { session: boris } = await open(record, 1);
  const advance = (ms: number): Promise<void> => scheduler.advance(ms, settle);
  await advance(500);
  return { anna, boris, advance };
}

beforeAll(async () => {
  await sodiumReady();
  initI18n('en');
});

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

describe('MembersScreen', () => {
  it('without a roster shows only a short note', async () => {
    const { anna } = await world();
    const bare: CellSession = { ...anna, governance: undefined };
    const text = textOf(bare);
    expect(text).toContain('This cell has no roster on this device');
    expect(buttons(bare)).toEqual([]);
    expect(renderToStaticMarkup(createElement(RemovedBanner, { session: bare }))).toBe('');
  });

  it('a coordinator sees members, requests, invites; the only coordinator is told why they cannot leave', async () => {
    const { anna } = await world();
    const text = textOf(anna);
    expect(text).toContain('Anna (you)');
    expect(text).toContain('People in this cell (2)');
    expect(text).toContain('Boris Member Not verified');
    expect(text).toContain('Requests to join (0)');
    expect(text).toContain('You are the only coordinator, so you cannot leave yet.');
    const labels = buttons(anna);
    expect(labels).toContain('Remove Boris');
    expect(labels).toContain('Show safety words of Boris');
    expect(labels).toContain('Show my safety words');
    expect(labels).toContain('Create invite');
    expect(labels).not.toContain('Remove Anna');
    expect(labels).not.toContain('Leave this cell');
    // Each row's role button is named after its member (one "Change role" per row was ambiguous).
    expect(renderToStaticMarkup(createElement(MembersScreen, { session: anna }))).toContain(
      'aria-label="Change role of Boris"',
    );
    // The invite Boris used is listed as used, with its private note.
    expect(text).toContain('Invite for: Member · for Boris Used');
  });

  it('lists a new invite as open, then revoked; a too-short one as expired', async () => {
    const { anna } = await world();
    const governance = anna.governance!;
    const made = await governance.createInvite('reader', 3_600_000, 'for the printer');
    expect(made.ok).toBe(true);
    expect(textOf(anna)).toContain('Invite for: Reader · for the printer Open');
    expect(buttons(anna)).toContain('Revoke: for the printer');
    const id = governance.invites().find((i) => i.note === 'for the printer')!.inviteIdHex;
    expect(await governance.revokeInvite(id)).toBe(true);
    expect(textOf(anna)).toContain('Invite for: Reader · for the printer Revoked');
    expect(buttons(anna)).not.toContain('Revoke: for the printer');

    await governance.createInvite('member', 1, 'gone');
    await new Promise((r) => setTimeout(r, 5));
    expect(textOf(anna)).toContain('Invite for: Member · gone Expired');
    expect(buttons(anna)).not.toContain('Show code: gone');
  });

  it('shows the verified mark this device keeps', async () => {
    const { anna, boris } = await world();
    await anna.governance!.setVerified(boris.me.signPkHex, true);
    expect(textOf(anna)).toContain('Boris Member Verified');
    expect(buttons(anna)).toContain('Show safety words of Boris');
    await anna.governance!.setVerified(boris.me.signPkHex, false);
    expect(textOf(anna)).toContain('Boris Member Not verified');
  });

  it('a member sees the list and their own options, no governance', async () => {
    const { boris } = await world();
    const text = textOf(boris);
    expect(text).toContain('Boris (you)');
    expect(text).toContain('Anna Coordinator Not verified');
    expect(text).not.toContain('Requests to join');
    expect(text).not.toContain('Invites');
    const labels = buttons(boris);
    expect(labels).toContain('Leave this cell');
    expect(labels).toContain('Change pseudonym');
    expect(labels.some((l) => l.startsWith('Remove'))).toBe(false);
    expect(labels).not.toContain('Change role');
  });

  it('after a removal: gone from the coordinator list; the removed member sees the banner and no actions', async () => {
    const { anna, boris, advance } = await world();
    expect(renderToStaticMarkup(createElement(RemovedBanner, { session: boris }))).toBe('');
    expect(await anna.governance!.remove(boris.me.signPkHex)).toBe(true);
    await advance(2000);
    expect(textOf(anna)).toContain('People in this cell (1)');
    expect(buttons(anna)).not.toContain('Remove Boris');

    expect(boris.governance!.state()).toBe('removed');
    // The banner belongs to the cell view (every tab), not to the Members screen itself.
    expect(textOf(boris)).not.toContain('You are no longer a member of this cell');
    const banner = renderToStaticMarkup(createElement(RemovedBanner, { session: boris }));
    expect(banner).toContain('This cell no longer receives edits');
    expect(renderToStaticMarkup(createElement(RemovedBanner, { session: boris }))).toContain(
      'You are no longer a member of this cell',
    );
    const labels = buttons(boris);
    expect(labels).not.toContain('Leave this cell');
    expect(labels).not.toContain('Change pseudonym');
  });

  it('removal leaves a trace: former members, the membership log, and names on their work (issue #19 items 1, 11)', async () => {
    const { anna, boris, advance } = await world();
    const borisHex = boris.me.signPkHex;
    expect(textOf(anna)).toContain('Former members (0)');
    expect(await anna.governance!.setRole(borisHex, 'reader')).toBe(true);
    expect(await anna.governance!.remove(borisHex)).toBe(true);
    await advance(2000);

    expect(anna.formerMembers()).toMatchObject([
      { signPkHex: borisHex, pseudonym: 'Boris', kind: 'removed' },
    ]);
    const text = textOf(anna);
    expect(text).toContain('Former members (1) Boris Removed');
    // Newest first; every entry is a counted op signed by the person named.
    expect(text).toMatch(
      /Membership log .* Anna removed Boris\. Anna made Boris Reader\. Anna admitted Boris as Member \([^)]+\)\. Anna created the cell\./,
    );
    expect(anna.governance!.events().map((e) => e.type)).toEqual([
      'created',
      'admitted',
      'role',
      'removed',
    ]);
    // The removed member's own device shows the same trace.
    expect(textOf(boris)).toContain('Former members (1) Boris Removed');

    // Their tasks and edits: their former pseudonym marked removed, not "an unknown member".
    const words = {
      you: 'you',
      unknown: 'an unknown member',
      former: (name: string, kind: string) => `${name} (${kind})`,
    };
    expect(memberName(anna.members(), borisHex, words, anna.formerMembers())).toBe(
      'Boris (removed)',
    );
    expect(memberName(anna.members(), 'ab'.repeat(32), words, anna.formerMembers())).toBe(
      'an unknown member',
    );
  });

  it('the removal dialog hands open tasks over once the removal counts; exposing work is not given without a warning', async () => {
    const { anna, boris, advance } = await world();
    const board = anna.doc(TASK_BOARD_DOC_ID);
    const index = anna.doc(CELL_INDEX_DOC_ID);
    const borisHex = boris.me.signPkHex;
    const annaHex = anna.me.signPkHex;
    const give = (title: string, status: 'todo' | 'doing' | 'done', exposing = false): string => {
      const id = addTask(board, title, annaHex, { status });
      if (!id.ok) throw new Error(id.error);
      assignTask(board, id.value, borisHex);
      if (exposing) updateTask(board, id.value, { exposing: true });
      return id.value;
    };
    const open = give('Print', 'todo');
    const doing = give('Fold', 'doing');
    const done = give('Buy paper', 'done');
    const risky = give('Speak to press', 'todo', true);
    setInsideCountry(index, annaHex, true);

    const borisView = anna.members().find((m) => m.signPkHex === borisHex)!;
    const handover = taskHandover(anna, borisView);
    expect(handover.open).toBe(3);
    expect(handover.targets.map((m) => m.pseudonym)).toEqual(['Anna']);
    expect(await anna.governance!.remove(borisHex)).toBe(true);
    await advance(2000);
    expect(handover.reassign(annaHex)).toEqual({ reassigned: 2, leftUnassigned: 1 });

    const assignee = (id: string): string | undefined =>
      listTasks(board).entries.find((t) => t.id === id)?.assignee;
    expect(assignee(open)).toBe(annaHex);
    expect(assignee(doing)).toBe(annaHex);
    // Done work keeps its name; exposing work for someone inside waits for the board's warning.
    expect(assignee(done)).toBe(borisHex);
    expect(assignee(risky)).toBe('');
  });
});
