import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import type { CellGovernance, CellSession } from '../../../renderer/session/CellSession.ts';
import { CellList } from '../../../renderer/shell/CellList.tsx';
import { CellTabs } from '../../../renderer/shell/CellTabs.tsx';
import { waitingRequests } from '../../../renderer/session/waitingRequests.ts';

/** Issue #19 item 7: a waiting join request must be noticed, not found by chance on Members. */

beforeAll(() => initI18n('en'));

const session = (
  role: 'coordinator' | 'member',
  state: 'active' | 'removed',
  pending: number,
): CellSession =>
  ({
    governance: {
      state: () => state,
      myRole: () => role,
      pending: () => Array.from({ length: pending }, () => ({})),
    } as unknown as CellGovernance,
  }) as CellSession;

describe('the Members tab badge', () => {
  it('counts requests only for a coordinator of an active cell', () => {
    expect(waitingRequests(session('coordinator', 'active', 2))).toBe(2);
    expect(waitingRequests(session('member', 'active', 2))).toBe(0);
    expect(waitingRequests(session('coordinator', 'removed', 2))).toBe(0);
    expect(waitingRequests({ governance: undefined } as unknown as CellSession)).toBe(0);
  });

  it('shows the count, and says it in words inside the tab name', () => {
    const html = (count: number): string =>
      renderToStaticMarkup(
        createElement(CellTabs<'drafts' | 'members'>, {
          label: 'Sections',
          tabs: [
            { key: 'drafts', label: 'Drafts' },
            { key: 'members', label: 'Members', badge: { count, label: `waiting: ${count}` } },
          ],
          selected: 'drafts',
          onSelect: () => undefined,
          children: null,
        }),
      );
    expect(html(2)).toContain(
      'Members<span class="count-badge" aria-hidden="true">2</span><span class="visually-hidden">waiting: 2</span>',
    );
    expect(html(0)).not.toContain('count-badge');
  });

  it('the sidebar shows the count beside the cell, in words for screen readers', () => {
    const cell = { cellIdHex: 'aa', name: 'Printers', pseudonym: 'Anna', colour: '#000000' };
    const html = (waiting: number): string =>
      renderToStaticMarkup(
        createElement(CellList, {
          cells: [{ ...cell, waiting }],
          currentId: undefined,
          onOpen: () => undefined,
        }),
      );
    expect(html(1)).toContain(
      'Printers<span class="count-badge" aria-hidden="true">1</span><span class="visually-hidden">requests to join waiting: 1</span>',
    );
    expect(html(0)).not.toContain('count-badge');
  });
});
