import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CellContext } from '../../../shared/sync/CellContext.ts';
import { SyncWriter } from '../../../shared/sync/SyncWriter.ts';
import { VaultLockedError } from '../../../shared/vault/VaultLockedError.ts';

/**
 * Issue #19 item 6: a panic wipe logged "sync store write failed vault is locked" four times
 * (the closing cell's checkpoints and local state, each failing on the locked vault).
 */

const writerFailingWith = (error: () => Error): SyncWriter =>
  new SyncWriter(
    { opts: { store: { saveLocal: () => Promise.reject(error()) } } } as unknown as CellContext,
    undefined,
    () => {},
  );

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SyncWriter write failures', () => {
  it('a locked vault is logged once, however many writes it fails', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writer = writerFailingWith(() => new VaultLockedError());
    for (let i = 0; i < 4; i++) writer.saveLocal();
    await writer.idle();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('quire: sync store write failed', 'vault is locked');
  });

  it('any other failure is logged every time (a full disk must not go quiet)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writer = writerFailingWith(() => new Error('quota exceeded'));
    for (let i = 0; i < 3; i++) writer.saveLocal();
    await writer.idle();
    expect(log).toHaveBeenCalledTimes(3);
  });
});
