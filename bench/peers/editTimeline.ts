import type * as Y from 'yjs';
import type { Room, RoomConfig, Transport } from '../../shared/transport/Transport.ts';

export type MarkName = 'textLocal' | 'textRemote' | 'wireLocal' | 'wireRecv';
export type Mark = readonly [MarkName, number];

const now = (): number => performance.timeOrigin + performance.now();

/**
 * Timestamps along one peer's edit path, for explaining the latency figure stage by stage:
 * the text changing (local insert, remote apply) and the doc y-webrtc syncs changing (our update
 * going out; a remote update, stamped when its transaction began). Quire's synced doc is the wire
 * doc (wrap the transport); plain's is the text's own doc.
 */
export class EditTimeline {
  private marks: Mark[] = [];

  watchText(text: Y.Text): void {
    text.observe((_e, tr) => this.marks.push([tr.local ? 'textLocal' : 'textRemote', now()]));
  }

  watchSyncedDoc(doc: Y.Doc): void {
    let began = 0;
    doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (!tr.local) began = now();
    });
    doc.on('update', (_u: Uint8Array, origin: unknown, _d: Y.Doc, tr: Y.Transaction) => {
      if (origin === 'load') return;
      this.marks.push(tr.local ? ['wireLocal', now()] : ['wireRecv', began]);
    });
  }

  transport(inner: () => Transport): Transport {
    return {
      join: (config: RoomConfig, doc: Y.Doc): Room => {
        this.watchSyncedDoc(doc);
        return inner().join(config, doc);
      },
    };
  }

  take(): Mark[] {
    const out = this.marks;
    this.marks = [];
    return out;
  }
}

/** Median of the i-th `from` mark to the i-th `to` mark, over the round trips both sides saw. */
export function stage(
  from: readonly Mark[],
  fromName: MarkName,
  to: readonly Mark[],
  toName: MarkName,
): number {
  const a = from.filter((m) => m[0] === fromName).map((m) => m[1]);
  const b = to.filter((m) => m[0] === toName).map((m) => m[1]);
  const n = Math.min(a.length, b.length);
  const d = Array.from({ length: n }, (_, i) => b[i]! - a[i]!).sort((x, y) => x - y);
  return n === 0 ? Number.NaN : d[Math.floor((n - 1) / 2)]!;
}
