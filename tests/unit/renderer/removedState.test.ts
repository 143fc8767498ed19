import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { DraftListPanel } from '../../../renderer/drafts/DraftListPanel.tsx';
import { writeAccess } from '../../../renderer/drafts/writeAccess.ts';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import type {
  CellGovernance,
  CellSession,
  MemberView,
} from '../../../renderer/session/CellSession.ts';

/** A removed member is shown as createCellSession shows one no longer in the roster: a reader. */
const me: MemberView = {
  signPkHex: 'ab',
  pseudonym: 'boris',
  colour: '#123456',
  role: 'reader',
  verified: true,
  safetyWords: [],
  isMe: true,
};

const withState = (state: 'active' | 'removed'): Pick<CellSession, 'me' | 'governance'> => ({
  me,
  governance: { state: () => state } as unknown as CellGovernance,
});

const panel = (removed: boolean): string =>
  renderToStaticMarkup(
    createElement(DraftListPanel, {
      drafts: [],
      dropped: 0,
      selectedId: null,
      nameOf: () => '',
      openComments: new Map(),
      writable: false,
      removed,
      onSelect: () => undefined,
      onCreate: () => undefined,
    }),
  );

describe('one consistent removed state (issue 19 item 4)', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('a removed member is "removed", not a reader; a reader stays a reader', () => {
    expect(writeAccess(withState('removed'))).toBe('removed');
    expect(writeAccess(withState('active'))).toBe('reader');
    expect(writeAccess({ me: { ...me, role: 'member' }, governance: undefined })).toBe('write');
  });

  it('the drafts list tells a reader their role, and a removed member nothing of a role', () => {
    expect(panel(false)).toContain('Your role in this cell is reader');
    expect(panel(true)).not.toContain('Your role in this cell');
    expect(panel(true)).not.toContain('<form');
  });
});
