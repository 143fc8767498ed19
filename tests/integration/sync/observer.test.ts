/**
 * What an observer holds: the rendezvous server's every relayed byte, every entry and every Yjs
 * update of the members' wire docs, and each member's store on disk. None of it may contain the
 * cell name, a pseudonym, a draft title or draft text, in any common encoding (canaries.ts),
 * while the members themselves read all of them (positive controls).
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSignalServer, type SignalServer } from '../../../node/signal/SignalServer.ts';
import { createPeerPool, type PeerProcess } from '../transport/peerProcess.ts';
import { canarySet, findCanaries } from './canaries.ts';
import {
  converge,
  identities,
  noEscapes,
  randomHex,
  runtimeCell,
  spawnPeers,
  tempDirs,
  waitAll,
  printIfFailed,
} from './syncCluster.ts';

interface WireRecordReply {
  rooms: string[];
  entries: { key: string; value: string | null; type: string }[];
  updates: string[];
}

const bytes = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, 'base64'));

/** Every file under the store directory's parent (the log, its compaction, the lock). */
async function filesUnder(storeDir: string): Promise<{ path: string; data: Uint8Array }[]> {
  const root = dirname(storeDir);
  const names = await readdir(root, { recursive: true, withFileTypes: true });
  const files = names.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  return Promise.all(files.map(async (path) => ({ path, data: await readFile(path) })));
}

describe('observer', () => {
  const pool = createPeerPool();
  const dirs = tempDirs();
  let server: SignalServer | undefined;
  let peers: PeerProcess[] = [];
  afterEach(async ({ task }) => {
    await printIfFailed(task, peers);
    await pool.closeAll();
    peers = [];
    await server?.close();
    server = undefined;
    await dirs.removeAll();
  });

  it('the canary search finds each secret in every encoding it claims (positive control)', () => {
    const patterns = canarySet({ name: 'Cell Ünïcode-7f3a9c', pseudonym: 'Pseudo-Anna-31d2' });
    for (const secret of ['Cell Ünïcode-7f3a9c', 'Pseudo-Anna-31d2']) {
      const utf8 = Buffer.from(secret);
      const utf16 = Buffer.from(secret, 'utf16le');
      for (const pad of [0, 1, 2, 5]) {
        const noise = Buffer.from(randomHex(pad + 3), 'hex').subarray(0, pad);
        const around = (b: Buffer) => Buffer.concat([noise, b, Buffer.from('~tail')]);
        const encoded = [
          around(utf8),
          around(utf16),
          Buffer.from(around(utf8).toString('hex')),
          Buffer.from(around(utf8).toString('base64')),
          Buffer.from(around(utf16).toString('base64')),
          Buffer.from(around(utf8).toString('base64url')),
          Buffer.from(around(utf16).toString('base64url')),
        ];
        for (const e of encoded) expect(findCanaries(e, patterns, 'sample')).not.toEqual([]);
      }
    }
    expect(findCanaries(Buffer.from(randomHex(4096), 'hex'), patterns, 'noise')).toEqual([]);
  });

  it('sees no cell name, pseudonym, title or text on the rendezvous server, the wire or disk', async () => {
    const frames: Uint8Array[] = [];
    server = await startSignalServer({
      host: '127.0.0.1',
      port: 0,
      observer: (b) => frames.push(b),
    });
    const tag = randomHex(6);
    const secrets = {
      cellName: `Cell-Name-${tag}`,
      pseudonymA: `Pseudo-Anna-${tag}`,
      pseudonymB: `Pseudo-Boris-${tag}`,
      pseudonymC: `Pseudo-Chen-${tag}`,
      pseudonymRenamed: `Pseudo-Boris-Renamed-${tag}`,
      title: `Draft-Title-${tag}`,
      contentA: `Content-Alpha-${tag}`,
      contentB: `Content-Bravo-${tag}`,
      contentC: `Content-Charlie-${tag}`,
      contentLate: `Content-After-Rollover-${tag}`,
    };
    peers = await spawnPeers(pool, ['A', 'B', 'C']);
    const [a, b, c] = peers as [PeerProcess, PeerProcess, PeerProcess];
    const stores = [await dirs.make('A'), await dirs.make('B'), await dirs.make('C')];
    await identities(peers, [secrets.pseudonymA, secrets.pseudonymB, secrets.pseudonymC]);
    await runtimeCell(a, [b, c], {
      name: secrets.cellName,
      signaling: server.url,
      dirs: stores,
      extra: { record: true },
    });
    // B was admitted before C: it learns C (and C's pseudonym) only from a roster envelope.
    await waitAll(peers, { peers: 2, members: 3 });
    // A member renames itself: its new pseudonym travels in a roster envelope.
    await b.request('rename', { pseudonym: secrets.pseudonymRenamed });
    const { draftId: doc } = await a.request<{ draftId: string }>('createDraft', {
      title: secrets.title,
    });
    const contents = [secrets.contentA, secrets.contentB, secrets.contentC];
    await Promise.all(
      peers.map((p, i) => p.request('edit', { doc, text: `${contents[i]} `, at: 'end' })),
    );
    let length = contents.reduce((n, s) => n + s.length + 1, 0);
    await converge(peers, doc, length);
    // A rollover: every document travels once more, as snapshots in generation 1.
    await a.request('rollover');
    await waitAll(peers, { peers: 2, generation: 1 });
    await c.request('edit', { doc, text: secrets.contentLate, at: 'end' });
    length += secrets.contentLate.length;
    await converge(peers, doc, length);

    // Positive controls: the members read every secret the observer must not.
    for (const p of peers) {
      const { text } = await p.request<{ text: string }>('text', { doc });
      for (const s of [...contents, secrets.contentLate]) expect(text).toContain(s);
      const { titles } = await p.request<{ titles: string[] }>('drafts');
      expect(titles).toEqual([secrets.title]);
      const roster = await p.request<{ cellName: string; pseudonyms: string[] }>('roster');
      expect(roster.cellName).toBe(secrets.cellName);
      expect(roster.pseudonyms.sort()).toEqual(
        [secrets.pseudonymA, secrets.pseudonymRenamed, secrets.pseudonymC].sort(),
      );
    }

    const patterns = canarySet(secrets);
    const hits: string[] = [];
    // The rendezvous server: each relayed frame, and all of them as one stream.
    expect(frames.length).toBe(server.stats().relayedMessages);
    expect(frames.length).toBeGreaterThan(5);
    frames.forEach((f, i) => hits.push(...findCanaries(f, patterns, `frame ${i}`)));
    hits.push(...findCanaries(Buffer.concat(frames), patterns, 'all frames'));
    // Every wire-doc entry and every Yjs update each member's wire docs saw.
    for (const p of peers) {
      const wire = await p.request<WireRecordReply>('wireRecord', {}, 30_000);
      // 2 invites, 2 admits, a rename, title, 3 texts, snapshots, rollover notice, late text.
      expect(wire.entries.length, `${p.name}'s wire entries`).toBeGreaterThanOrEqual(12);
      expect(wire.entries.every((e) => e.type === 'bytes')).toBe(true);
      for (const e of wire.entries) {
        hits.push(...findCanaries(Buffer.from(e.key), patterns, `${p.name} key ${e.key}`));
        hits.push(...findCanaries(bytes(e.value ?? ''), patterns, `${p.name} entry ${e.key}`));
      }
      wire.updates.forEach((u, i) =>
        hits.push(...findCanaries(bytes(u), patterns, `${p.name} update ${i}`)),
      );
      // The updates are the wire docs' bytes: every entry's sealed bytes sit in them verbatim.
      const stream = Buffer.concat(wire.updates.map(bytes));
      for (const e of wire.entries)
        expect(stream.indexOf(bytes(e.value ?? '')), `${p.name} ${e.key} in updates`).not.toBe(-1);
    }
    // At rest: each member's vault over FileStorage (envelopes, checkpoints, keyring).
    for (const [i, dir] of stores.entries()) {
      const files = await filesUnder(dir);
      expect(files.reduce((n, f) => n + f.data.length, 0)).toBeGreaterThan(10_000);
      for (const f of files) hits.push(...findCanaries(f.data, patterns, `disk ${i} ${f.path}`));
    }
    expect(hits).toEqual([]);
    noEscapes(peers);
  });
});
