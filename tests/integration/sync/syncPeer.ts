/**
 * One member's sync engine in its own process (y-webrtc: one room per name per process), over
 * real WebRTC (node/transport) and the test's rendezvous server, driven by peerProcess.ts.
 *
 * Setup:    identity {pseudonym} -> {signPk}
 *           openFixed {cellId, epochKey, members, signaling, dir?, limits?, record?}
 *           createCell {name, signaling, dir, limits?, record?} | invite -> {secret}
 *           joinRequest {secret} -> {request} | admit {secret, request} -> {welcome}
 *           joinCell {welcome, dir, limits?, record?} | rename {pseudonym} | roster
 * Content:  createDraft {title} -> {draftId} | drafts -> {titles} | edit {doc, ...} | bulk {doc,
 *           count, size} | text {doc} | digest {doc} | waitDigest {doc, length?, hash?, timeoutMs}
 * Engine:   status | waitStatus {peers, generation?, members?, timeoutMs} | rollover |
 *           storedBytes | wireRecord | diag | close
 * Events:   unhandledRejection / uncaughtException (anything that got past containment).
 * `doc` is a 32-hex document id; `record: true` keeps every wire-doc byte for wireRecord.
 */
import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import { createNodeTransport } from '../../../node/transport/nodeWebrtc.ts';
import { installYWebrtcRejectionFilter } from '../../../node/transport/installYWebrtcRejectionFilter.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { listDrafts } from '../../../shared/cell/listDrafts.ts';
import { fromHex, toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { classifyYWebrtcRejection } from '../../../shared/transport/classifyYWebrtcRejection.ts';
import type { SyncLimits } from '../../../shared/sync/SyncLimits.ts';
import {
  admit,
  inviteSecret,
  joinRequest,
  newCellRecord,
  openFixedCell,
  openRuntimeCell,
  recordFromWelcomeBody,
  type PeerCell,
} from './peerCell.ts';
import { nonZero, storedBytes, wireRecordReply } from './peerReports.ts';
import { recordingTransport, type WireRecord } from './recordingTransport.ts';
import { runPeerChild, type CommandArgs } from '../transport/runPeerChild.ts';

const nodeTransport = createNodeTransport();
let me: Identity | undefined;
let cell: PeerCell | undefined;
let wire: WireRecord | undefined;
let escaped = 0;

const child = runPeerChild({
  identity,
  openFixed: async (a) => {
    cell = await openFixedCell({
      me: self(),
      cellId: str(a, 'cellId'),
      epochKey: str(a, 'epochKey'),
      members: a.members as { signPk: string; role: 'writer' | 'reader' }[],
      signaling: [str(a, 'signaling')],
      ...(typeof a.dir === 'string' ? { dir: a.dir } : {}),
      ...limitsOf(a),
      transport: transportFor(a),
    });
    return {};
  },
  createCell: async (a) => {
    const record = newCellRecord(self(), str(a, 'name'), [str(a, 'signaling')]);
    cell = await openRuntimeCell(record, str(a, 'dir'), transportFor(a), limitsOf(a).limits);
    return { cellId: record.cellIdHex };
  },
  invite: async () => ({ secret: await inviteSecret(runtime()) }),
  joinRequest: (a) => ({ request: joinRequest(self(), str(a, 'secret')) }),
  admit: (a) => ({
    welcome: admit(runtime(), str(a, 'secret'), a.request as Record<string, unknown>),
  }),
  rename: (a) => {
    const op = runtime().publishOp({ type: 'rename', pseudonym: str(a, 'pseudonym') });
    if (!op.ok) throw new Error(op.error);
    return {};
  },
  roster: () => {
    const r = runtime().currentRoster();
    return { cellName: r.cellName, pseudonyms: Array.from(r.members.values(), (m) => m.pseudonym) };
  },
  joinCell: async (a) => {
    const record = recordFromWelcomeBody(self(), str(a, 'welcome'));
    cell = await openRuntimeCell(record, str(a, 'dir'), transportFor(a), limitsOf(a).limits);
    return {};
  },
  createDraft: (a) => {
    const id = createDraft(
      open().sync.doc(CELL_INDEX_DOC_ID),
      str(a, 'title'),
      toHex(self().signPk),
    );
    if (!id.ok) throw new Error(id.error);
    return { draftId: id.value };
  },
  drafts: () => ({
    titles: listDrafts(open().sync.doc(CELL_INDEX_DOC_ID)).entries.map((d) => d.title),
  }),
  edit,
  bulk,
  text: (a) => ({ text: textOf(a).toJSON() }),
  digest: (a) => digest(a),
  waitDigest,
  status,
  waitStatus,
  rollover: async () => {
    await open().sync.rollover();
    return status();
  },
  storedBytes: () => storedBytes(open()),
  wireRecord: () => wireRecordReply(wire),
  diag,
  close: async () => {
    await cell?.runtime?.close();
    if (!cell?.runtime) await cell?.sync.close();
    await cell?.storage?.close();
    cell = undefined;
    return {};
  },
});

installYWebrtcRejectionFilter();
process.on('unhandledRejection', (reason) => {
  if (classifyYWebrtcRejection(reason) !== undefined) return;
  escaped += 1;
  child.emit('unhandledRejection', {
    message: String((reason as Error | undefined)?.stack ?? reason),
  });
});
process.on('uncaughtException', (e) => {
  escaped += 1;
  child.emit('uncaughtException', { message: String(e.stack ?? e) });
});

function str(a: CommandArgs, key: string): string {
  const v = a[key];
  if (typeof v !== 'string') throw new Error(`${key} must be a string`);
  return v;
}
function num(a: CommandArgs, key: string, fallback?: number): number {
  const v = a[key] ?? fallback;
  if (typeof v !== 'number') throw new Error(`${key} must be a number`);
  return v;
}
function self(): Identity {
  if (!me) throw new Error('no identity yet');
  return me;
}
function open(): PeerCell {
  if (!cell) throw new Error('no cell open');
  return cell;
}
function runtime(): NonNullable<PeerCell['runtime']> {
  const r = open().runtime;
  if (!r) throw new Error('not a runtime cell');
  return r;
}
function limitsOf(a: CommandArgs): { limits?: Partial<SyncLimits> } {
  return typeof a.limits === 'object' && a.limits !== null ? { limits: a.limits } : {};
}
function transportFor(a: CommandArgs) {
  const r = recordingTransport(nodeTransport, a.record === true);
  wire = r.wire;
  return r.transport;
}
function docOf(a: CommandArgs) {
  const id = fromHex(str(a, 'doc'));
  if (id?.length !== 16) throw new Error('doc must be 16 bytes of hex');
  return open().sync.doc(id);
}
const textOf = (a: CommandArgs) => docOf(a).getText('t');

async function identity(a: CommandArgs): Promise<Record<string, unknown>> {
  await sodiumReady();
  const created = createIdentity(str(a, 'pseudonym'));
  if (!created.ok) throw new Error(created.error);
  me = created.value;
  return { signPk: toHex(me.signPk) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `text` once at `at` ('start' | 'end' | 'random'), or `count` inserts of minLen..maxLen chars of
 * `alphabet` at random positions, `intervalMs` apart; then flushes. Replies the chars inserted.
 */
async function edit(a: CommandArgs): Promise<Record<string, unknown>> {
  const t = textOf(a);
  const pos = (at: unknown): number =>
    at === 'start' ? 0 : at === 'random' ? Math.floor(Math.random() * (t.length + 1)) : t.length;
  let inserted = 0;
  if (typeof a.text === 'string') {
    t.insert(pos(a.at), a.text);
    inserted = a.text.length;
  } else {
    const alphabet = str(a, 'alphabet');
    const [min, max] = [num(a, 'minLen', 1), num(a, 'maxLen', 8)];
    for (let i = 0, n = num(a, 'count'); i < n; i++) {
      const len = min + Math.floor(Math.random() * (max - min + 1));
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
      t.insert(pos('random'), s);
      inserted += len;
      await sleep(num(a, 'intervalMs', 20));
    }
  }
  await open().sync.flush();
  return { inserted };
}

/** `count` appends of `size` random base64 chars, one envelope each (past the batch byte cap). */
async function bulk(a: CommandArgs): Promise<Record<string, unknown>> {
  const t = textOf(a);
  const size = num(a, 'size');
  for (let i = 0, n = num(a, 'count'); i < n; i++) {
    t.insert(
      t.length,
      nodeRandomBytes(Math.ceil((size * 3) / 4))
        .toString('base64')
        .slice(0, size),
    );
    await open().sync.flush();
  }
  return { ...digest(a), wire: open().sync.wireStats() };
}

function digest(a: CommandArgs): { length: number; hash: string } {
  const s = textOf(a).toJSON();
  return { length: s.length, hash: createHash('sha256').update(s).digest('hex') };
}

/** Resolves when the text has `length` chars and/or `hash`, or reports how far it got. */
async function waitDigest(a: CommandArgs): Promise<Record<string, unknown>> {
  const start = performance.now();
  const deadline = start + num(a, 'timeoutMs');
  for (;;) {
    const d = digest(a);
    const reached =
      (a.length === undefined || d.length === a.length) &&
      (a.hash === undefined || d.hash === a.hash);
    if (reached || performance.now() > deadline)
      return { reached, ms: Math.round(performance.now() - start), ...d };
    await sleep(50);
  }
}

function status(): Record<string, unknown> {
  const c = open();
  return {
    ...c.sync.status(),
    wire: c.sync.wireStats(),
    members: c.runtime?.currentRoster().members.size,
  };
}

/** Resolves once at least `peers` are connected (and the generation and member count, if given). */
async function waitStatus(a: CommandArgs): Promise<Record<string, unknown>> {
  const deadline = performance.now() + num(a, 'timeoutMs');
  for (;;) {
    const s = status();
    const reached =
      (s.peers as number) >= num(a, 'peers', 0) &&
      (a.generation === undefined || s.generation === a.generation) &&
      (a.members === undefined || s.members === a.members);
    if (reached || performance.now() > deadline) return { reached, ...s };
    await sleep(50);
  }
}

function diag(): Record<string, unknown> {
  return {
    pid: process.pid,
    escaped,
    swallowed: installYWebrtcRejectionFilter().swallowed(),
    transport: nonZero(nodeTransport.stats()),
    ...(cell
      ? {
          status: status(),
          diagnostics: nonZero(cell.sync.diagnostics.snapshot()),
          storage: cell.storage?.stats(),
          state: cell.runtime?.state,
        }
      : { status: 'no cell' }),
  };
}
