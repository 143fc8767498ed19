/**
 * A member turned informer, as a real process (driven by tests/integration/transport/peerProcess.ts):
 * it unlocks its own `quire` home, takes its own keys and the cell's current epoch key, and plays
 * the cell's wire doc with any bytes it can make (tests/support/ByzantineMember.ts) over real
 * WebRTC. Commands:
 *   open {home, cell, signal, seed}   reads the home; joins the current room; replies {docs}
 *   bomb                              one update of 40,000 writes to one map key (cost bomb)
 *   junk {count, bytes}               large entries nobody can open
 *   attack {count}                    `count` random attacks (ByzantineMember.act)
 *   tally                             {tally}
 *   close                             leaves the room
 */
import { randomBytes } from 'node:crypto';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { listDrafts } from '../../../shared/cell/listDrafts.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { envelopeId } from '../../../shared/envelope/envelopeId.ts';
import { done } from '../../../node/cli/CommandResult.ts';
import { openHome } from '../../../node/cli/Home.ts';
import { loadNodeTransport } from '../../../node/cli/loadNodeTransport.ts';
import { findCell, withCell } from '../../../node/cli/withCell.ts';
import { ByzantineMember } from '../../support/ByzantineMember.ts';
import { prng } from '../../support/prng.ts';
import { runPeerChild } from '../transport/runPeerChild.ts';

let informer: ByzantineMember | undefined;
let docs: Uint8Array[] = [];
let ownDoc = new Uint8Array(16);
const need = (): ByzantineMember => {
  if (!informer) throw new Error('open first');
  return informer;
};

runPeerChild({
  async open(args) {
    await sodiumReady();
    const opened = await openHome(String(args.home), process.env.QUIRE_PASSPHRASE ?? '');
    if (!opened.ok) throw new Error(`home: ${opened.error}`);
    const home = opened.value;
    const record = findCell(home, String(args.cell));
    if (!record) throw new Error('no such cell in this home');
    const epoch = Math.max(...record.epochKeys.keys());
    const key = record.epochKeys.get(epoch);
    if (!key) throw new Error('no epoch key');
    let victims: { signPk: Uint8Array }[] = [];
    // Read offline: who the members are, which drafts exist (what any member sees).
    await withCell(home, String(args.cell), undefined, (cell) => {
      const me = toHex(record.identity.signPk);
      victims = Array.from(cell.currentRoster().members.values()).filter(
        (m) => toHex(m.signPk) !== me,
      );
      const index = cell.sync.doc(CELL_INDEX_DOC_ID);
      docs = listDrafts(index).entries.flatMap((d) => draftDocId(d.id) ?? []);
      return Promise.resolve(done());
    });
    await home.close();
    docs.push(CELL_INDEX_DOC_ID, TASK_BOARD_DOC_ID);
    ownDoc = new Uint8Array(randomBytes(16));
    const transport = await loadNodeTransport();
    informer = new ByzantineMember(
      [transport],
      record.identity,
      {
        cellId: record.cellId,
        epoch,
        secrets: deriveEpochSecrets(key, record.cellId, epoch),
        signaling: [String(args.signal)],
      },
      prng(Number(args.seed)),
      victims,
    );
    return { docs: docs.length };
  },
  bomb() {
    const target = docs[0];
    if (!target) throw new Error('no document to bomb');
    need().publish(target, (d) =>
      d.transact(() => {
        const m = d.getMap<number>('bomb');
        for (let i = 0; i < 40_000; i++) m.set('k', i);
      }),
    );
  },
  junk(args) {
    for (let i = 0; i < Number(args.count); i++) {
      const bytes = new Uint8Array(randomBytes(Number(args.bytes)));
      need().putRaw(envelopeId(bytes), bytes);
    }
  },
  attack(args) {
    for (let i = 0; i < Number(args.count); i++) need().act(docs, ownDoc);
  },
  tally() {
    return { tally: need().tally };
  },
  close() {
    informer?.close();
    informer = undefined;
  },
});
