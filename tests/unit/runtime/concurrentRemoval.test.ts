import { describe, expect, it } from 'vitest';
import { removeMember } from '../../../shared/runtime/cellGovernance.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { createRuntimeCell, currentKeyHex, memberHex } from './runtimeCell.ts';

const DOC = new Uint8Array(16).fill(9);
const text = (rt: CellRuntime): string => rt.sync.doc(DOC).getText('t').toJSON();

/**
 * Issue 13 item 2, the attack: two coordinators remove a member each without having synced
 * (one is offline). Only one rotate can count; before the fix the losing coordinator kept its own
 * key, members kept whichever wrap they opened first, and the member removed by the winner's
 * rival still held the counted epoch's key and read what active members wrote after the removal.
 */
describe('concurrent removals by two coordinators', () => {
  it('after healing, every active member holds one key and no removed member reads new writes', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'coordinator', 1);
    const chen = await cell.admit(anna, 'Chen', 'member', 2);
    const xena = await cell.admit(anna, 'Xena', 'member', 3);
    const yuri = await cell.admit(anna, 'Yuri', 'member', 4);
    await cell.advance(2_000);
    for (const rt of [boris, chen, xena, yuri]) expect(rt.currentRoster().members.size).toBe(5);

    // Anna is offline: she and Boris act without seeing each other's removal.
    cell.net.setOffline(0, true);
    expect((await removeMember(anna, memberHex(xena))).ok).toBe(true);
    expect((await removeMember(boris, memberHex(yuri))).ok).toBe(true);
    await cell.advance(3_000);
    cell.net.setOffline(0, false);
    // Long enough for a re-rotation by an online coordinator and its propagation.
    await cell.advance(120_000);

    const active = [anna, boris, chen];
    const roster = anna.currentRoster();
    for (const rt of active) {
      expect(rt.currentRoster().epoch).toBe(roster.epoch);
      expect(rt.currentRoster().removed.has(memberHex(xena))).toBe(true);
      expect(rt.currentRoster().removed.has(memberHex(yuri))).toBe(true);
      expect(rt.currentRoster().rotationNeeded).toBe(false);
    }
    const key = currentKeyHex(anna);
    expect(key).toBeDefined();
    for (const rt of active) expect(currentKeyHex(rt)).toBe(key);
    for (const rt of [xena, yuri]) {
      expect(rt.state).toBe('removed');
      expect(
        Array.from(rt.cellRecord.epochKeys.values(), (k) => Buffer.from(k).toString('hex')),
      ).not.toContain(key);
    }

    chen.sync.doc(DOC).getText('t').insert(0, 'after removal ');
    await cell.advance(30_000);
    for (const rt of active) expect(text(rt)).toContain('after removal');
    for (const rt of [xena, yuri]) expect(text(rt)).not.toContain('after removal');
    for (const rt of [anna, boris, chen, xena, yuri]) await rt.close();
  });
});
