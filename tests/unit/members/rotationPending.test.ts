import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import { MembersScreen } from '../../../renderer/members/MembersScreen.tsx';
import { createCellSession } from '../../../renderer/session/createCellSession.ts';
import { RE_ROTATE_FIRST_MS } from '../../../shared/runtime/RotationDuty.ts';
import { createRuntimeCell, memberHex } from '../runtime/runtimeCell.ts';

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

beforeAll(() => {
  initI18n('en');
});

/**
 * Issue 13 item 2: a departure is not effective until a rotation counts. The Members screen says
 * so while it is pending, and an online coordinator rotates by itself.
 */
describe('a removal not yet in effect', () => {
  it('is shown until the first coordinator in line rotates the key', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const chen = await cell.admit(anna, 'Chen', 'member', 1);
    await cell.advance(2_000);
    const screen = createCellSession(anna, undefined);
    const shown = (): string =>
      text(renderToStaticMarkup(createElement(MembersScreen, { session: screen })));
    expect(shown()).not.toContain('A removal is not in effect yet');

    // Chen leaves: he still holds epoch 0's key, and nothing rotates it on the spot.
    expect(chen.publishOp({ type: 'leave' }).ok).toBe(true);
    await chen.sync.flush();
    await cell.advance(RE_ROTATE_FIRST_MS / 2);
    expect(anna.currentRoster().left.has(memberHex(chen))).toBe(true);
    expect(anna.rotationPending()).toBe(true);
    expect(shown()).toContain('A removal is not in effect yet');
    expect(anna.currentRoster().epoch).toBe(0);

    await cell.advance(RE_ROTATE_FIRST_MS * 3);
    expect(anna.currentRoster().epoch).toBe(1);
    expect(anna.rotationPending()).toBe(false);
    expect(shown()).not.toContain('A removal is not in effect yet');
    expect(anna.currentRoster().epochs[1]?.recipients).not.toContain(memberHex(chen));
    await screen.close();
    await chen.close();
  });
});
