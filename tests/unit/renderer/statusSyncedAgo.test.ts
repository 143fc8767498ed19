import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import type { CellSession, SyncStatusView } from '../../../renderer/session/CellSession.ts';
import { CellStatus } from '../../../renderer/shell/CellStatus.tsx';
import { formatSyncedAgo } from '../../../renderer/shell/formatSyncedAgo.ts';

/** Issue #19 item 6: the status line counted only in seconds ("3600 s ago"). */

const now = Date.UTC(2026, 11, 7, 9);

describe('formatSyncedAgo', () => {
  it('seconds for the first minute, then minutes, hours, days; in each language', () => {
    expect(formatSyncedAgo(now - 4_000, now, 'en')).toBe('4 seconds ago');
    expect(formatSyncedAgo(now + 2_000, now, 'en')).toBe('0 seconds ago');
    expect(formatSyncedAgo(now - 3 * 60_000, now, 'en')).toBe('3 minutes ago');
    expect(formatSyncedAgo(now - 3600_000, now, 'en')).toBe('1 hour ago');
    expect(formatSyncedAgo(now - 3 * 24 * 3600_000, now, 'en')).toBe('3 days ago');
    expect(formatSyncedAgo(now - 5_000, now, 'ru')).toBe('5 секунд назад');
    expect(formatSyncedAgo(now - 2 * 3600_000, now, 'ru')).toBe('2 часа назад');
    expect(formatSyncedAgo(now - 21 * 60_000, now, 'uk')).toBe('21 хвилину тому');
  });
});

describe('CellStatus', () => {
  beforeAll(() => initI18n('en'));

  const session = (status: SyncStatusView): CellSession =>
    ({
      status: () => status,
      onStatusChange: () => () => undefined,
      onMembersChange: () => () => undefined,
      governance: undefined,
    }) as unknown as CellSession;
  const base: SyncStatusView = {
    rendezvousReachable: true,
    rendezvousFailed: false,
    peers: 1,
    relayReachable: undefined,
    lastSyncedAt: undefined,
    unsynced: 0,
  };

  it('says an hour, not 3600 s', async () => {
    const html = (lastSyncedAt: number): string =>
      renderToStaticMarkup(
        createElement(CellStatus, { session: session({ ...base, lastSyncedAt }) }),
      );
    expect(html(Date.now() - 3600_000 - 500)).toContain('last change received 1 hour ago');
    await i18next.changeLanguage('ru');
    expect(html(Date.now() - 2 * 3600_000 - 500)).toContain(
      'последнее изменение получено 2 часа назад',
    );
    await i18next.changeLanguage('en');
  });

  it('names the keys still awaited after a pruned rotation, only when there are some', async () => {
    const html = (keysAwaited?: number): string =>
      renderToStaticMarkup(
        createElement(CellStatus, {
          session: session({ ...base, ...(keysAwaited === undefined ? {} : { keysAwaited }) }),
        }),
      );
    expect(html()).not.toContain('data-keys-awaited');
    expect(html(0)).not.toContain('data-keys-awaited');
    expect(html(2)).toContain('keys awaited from a member who holds them: 2');
    await i18next.changeLanguage('uk');
    expect(html(1)).toContain('ключів чекаємо від учасника, який їх має: 1');
    await i18next.changeLanguage('en');
  });
});
