import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDexieStorage } from '../../../renderer/storage/DexieStorage.ts';
import {
  storageAlertFor,
  worseAlert,
  type StorageAlert,
} from '../../../renderer/shell/storageAlertFor.ts';
import type { StorageReport } from '../../../shared/storage/StorageReport.ts';

describe('the storage banner', () => {
  it('shows refused writes and damage, not a torn tail; a failing write outranks old damage', () => {
    const cases: [StorageReport, StorageAlert | undefined][] = [
      [{ kind: 'write-failed', code: 'full' }, 'full'],
      [{ kind: 'write-failed', code: 'io' }, 'write-failed'],
      [{ kind: 'damaged', bytes: 10, keptAs: 'store.log.damaged-1' }, 'damaged'],
      [{ kind: 'truncated', missingBytes: undefined }, 'damaged'],
      [{ kind: 'row-quarantined', table: 'settings' }, 'damaged'],
      [{ kind: 'torn-tail', bytes: 3 }, undefined],
    ];
    for (const [report, alert] of cases) expect(storageAlertFor(report), report.kind).toBe(alert);
    expect(worseAlert('damaged', 'full')).toBe('full');
    expect(worseAlert('full', 'damaged')).toBe('full');
    expect(worseAlert('write-failed', undefined)).toBe('write-failed');
    expect(worseAlert(undefined, undefined)).toBeUndefined();
  });

  it('hears a quota refusal from the IndexedDB store as "full"', async () => {
    const s = await openDexieStorage({
      name: `quire-alert-${process.pid}`,
      indexedDB,
      IDBKeyRange,
    });
    const heard: (StorageAlert | undefined)[] = [];
    s.onReport((r) => heard.push(storageAlertFor(r)));
    const proto = IDBObjectStore.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, 'put')!;
    Object.defineProperty(proto, 'put', {
      ...original,
      value: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    try {
      await expect(
        s.write([{ op: 'put', table: 'cells', id: 'c', bytes: new Uint8Array(4) }]),
      ).rejects.toMatchObject({ code: 'full' });
    } finally {
      Object.defineProperty(proto, 'put', original);
      await s.close();
    }
    expect(heard).toEqual(['full']);
  });
});
