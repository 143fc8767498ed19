import { describe, expect, it } from 'vitest';
import type { CellContext } from '../../../shared/sync/CellContext.ts';
import type { LocalSyncState } from '../../../shared/sync/SyncStore.ts';
import { SyncWriter } from '../../../shared/sync/SyncWriter.ts';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('SyncWriter.idle', () => {
  it('also waits for writes queued while earlier writes ran (close must not leave any behind)', async () => {
    const done: number[] = [];
    const ref: { writer?: SyncWriter } = {};
    const store = {
      saveLocal: async (_local: LocalSyncState): Promise<void> => {
        const n = done.length;
        await tick();
        done.push(n);
        // The first write queues a second one, as an entry received meanwhile would.
        if (n === 0) ref.writer?.saveLocal();
      },
    };
    const writer = new SyncWriter(
      { opts: { store } } as unknown as CellContext,
      undefined,
      () => {},
    );
    ref.writer = writer;
    writer.saveLocal();
    await writer.idle();
    expect(done).toEqual([0, 1]);
  });
});
