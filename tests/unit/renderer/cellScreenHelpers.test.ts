import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../../shared/cell/Task.ts';
import { formatRelativeTime } from '../../../renderer/drafts/formatRelativeTime.ts';
import { memberName } from '../../../renderer/drafts/memberName.ts';
import { isAllowedLinkHref } from '../../../shared/cell/isAllowedLinkHref.ts';
import { caretUser } from '../../../renderer/editor/renderCaret.ts';
import { shortcut } from '../../../renderer/editor/shortcut.ts';
import type { MemberView } from '../../../renderer/session/CellSession.ts';
import { filterTasks } from '../../../renderer/tasks/filterTasks.ts';
import { boardIndex } from '../../../renderer/tasks/boardIndex.ts';
import { taskMove } from '../../../renderer/tasks/taskMove.ts';

describe('isAllowedLinkHref', () => {
  it.each([
    ['https://example.org/path?q=1#x', true],
    ['http://example.org', true],
    ['HTTPS://EXAMPLE.ORG', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['app://quire/index.html', false],
    ['//example.org', false],
    ['/relative', false],
    ['https://user:pw@example.org', false],
    ['https://exa mple.org', false],
    ['https://example.org/\u2028', false],
    ['https://', false],
    [`https://example.org/${'a'.repeat(2048)}`, false],
    ['', false],
    [42, false],
  ])('%j -> %s', (href, allowed) => {
    expect(isAllowedLinkHref(href)).toBe(allowed);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2025, 2, 8, 12);
  it('speaks the interface language, with its plural forms', () => {
    expect(formatRelativeTime(now - 5_000, now, 'en')).toBe('now');
    expect(formatRelativeTime(now + 60_000, now, 'en')).toBe('now');
    expect(formatRelativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(now - 26 * 3600_000, now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(now - 3 * 60_000, now, 'ru')).toBe('3 минуты назад');
    expect(formatRelativeTime(now - 5 * 60_000, now, 'ru')).toBe('5 минут назад');
    expect(formatRelativeTime(now - 2 * 3600_000, now, 'uk')).toBe('2 години тому');
    expect(formatRelativeTime(now - 400 * 24 * 3600_000, now, 'en')).toBe('last year');
  });
});

describe('memberName', () => {
  const members = [
    { signPkHex: 'a'.repeat(64), pseudonym: 'Olena', isMe: true },
    { signPkHex: 'b'.repeat(64), pseudonym: 'Marko', isMe: false },
  ] as unknown as MemberView[];
  const words = { you: 'you', unknown: 'unknown member' };
  it('names members by pseudonym, me as "you", and anyone else as unknown', () => {
    expect(memberName(members, 'b'.repeat(64), words)).toBe('Marko');
    expect(memberName(members, 'a'.repeat(64), words)).toBe('you');
    expect(memberName(members, 'c'.repeat(64), words)).toBe('unknown member');
    expect(memberName(members, '', words)).toBe('unknown member');
  });
});

describe('caretUser', () => {
  it('bounds a peer-chosen name and accepts only palette colours', () => {
    expect(caretUser({ name: 'Marko', color: '#B91C1C' })).toEqual({
      name: 'Marko',
      color: '#B91C1C',
    });
    expect(
      caretUser({ name: 'x'.repeat(500), color: 'red; background: url(https://t.example)' }),
    ).toEqual({
      name: 'x'.repeat(40),
      color: '#59616b',
    });
    expect(caretUser({ name: { toString: 'evil' } })).toEqual({ name: '', color: '#59616b' });
  });
});

describe('shortcut', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  it('renders ProseMirror keys for aria-keyshortcuts and tooltips, per platform', () => {
    vi.stubGlobal('navigator', { platform: 'Linux x86_64' });
    expect(shortcut('Mod-Shift-8')).toEqual({ aria: 'Control+Shift+8', text: 'Ctrl+Shift+8' });
    expect(shortcut('Mod-b')).toEqual({ aria: 'Control+B', text: 'Ctrl+B' });
    vi.stubGlobal('navigator', { platform: 'MacIntel' });
    expect(shortcut('Mod-Alt-1')).toEqual({ aria: 'Meta+Alt+1', text: '⌘⌥1' });
  });
});

const task = (id: string, status: Task['status'], assignee = ''): Task => ({
  id,
  title: id,
  notes: '',
  status,
  order: 0,
  assignee,
  due: '',
  labels: [],
  exposing: false,
  createdAt: 0,
  createdBy: 'a'.repeat(64),
});

describe('taskMove (keyboard moves)', () => {
  const board = [task('a', 'todo'), task('b', 'todo'), task('c', 'todo'), task('d', 'doing')];
  it.each([
    ['a', 'up', undefined],
    ['b', 'up', { status: 'todo', index: 0 }],
    ['b', 'down', { status: 'todo', index: 2 }],
    ['c', 'down', undefined],
    ['a', 'left', undefined],
    ['c', 'right', { status: 'doing', index: 1 }],
    ['a', 'right', { status: 'doing', index: 0 }],
    ['d', 'right', { status: 'done', index: 0 }],
    ['d', 'left', { status: 'todo', index: 0 }],
    ['zz', 'up', undefined],
  ] as const)('%s %s -> %j', (id, direction, expected) => {
    expect(taskMove(board, id, direction)).toEqual(expected);
  });
});

describe('boardIndex (positions under a filter)', () => {
  const all = [
    task('a', 'todo'),
    task('m1', 'todo', 'me'),
    task('b', 'todo'),
    task('m2', 'todo', 'me'),
    task('c', 'todo'),
  ];
  const mine = all.filter((t) => t.assignee === 'me');
  it('places before the visible task at that position, or after the last visible one', () => {
    expect(boardIndex(all, mine, 'todo', 0, 'm2')).toBe(1); // before m1
    expect(boardIndex(all, mine, 'todo', 1, 'm1')).toBe(3); // after m2 (m1 excluded)
    expect(boardIndex(all, all, 'todo', 2, 'c')).toBe(2);
    expect(boardIndex(all, mine, 'doing', 0, 'm1')).toBe(0);
    expect(boardIndex(all, [], 'todo', 0, 'x')).toBe(5);
  });
});

describe('filterTasks (issue #19 item 1: unassigned work)', () => {
  const all = [
    task('a', 'todo'),
    task('m', 'todo', 'me'),
    task('v', 'doing', 'vera'),
    task('g', 'todo', 'gone'),
  ];
  const isMember = (hex: string): boolean => hex === 'me' || hex === 'vera';
  it('all, mine, or work nobody in the cell is doing (no assignee, or a former member)', () => {
    const ids = (f: 'all' | 'mine' | 'unassigned'): string[] =>
      filterTasks(all, f, 'me', isMember).map((t) => t.id);
    expect(ids('all')).toEqual(['a', 'm', 'v', 'g']);
    expect(ids('mine')).toEqual(['m']);
    expect(ids('unassigned')).toEqual(['a', 'g']);
  });
});
