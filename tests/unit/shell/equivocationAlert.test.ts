import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { encodeUpdateBody, NO_PREV } from '../../../shared/sync/updateBody.ts';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import { createCellSession } from '../../../renderer/session/createCellSession.ts';
import { EquivocationAlert } from '../../../renderer/shell/EquivocationAlert.tsx';
import { createRuntimeCell } from '../runtime/runtimeCell.ts';

const DOC = new Uint8Array(16).fill(5);

/** Boris's client as an informer would patch it: two different texts signed as his update 1. */
function equivocate(boris: CellRuntime): void {
  const record = boris.cellRecord;
  const key = record.epochKeys.get(0);
  if (!key) throw new Error('no key');
  const { contentKey } = deriveEpochSecrets(key, record.cellId, 0);
  const wire = (boris.sync as unknown as { current: { map: Y.Map<unknown> } }).current.map;
  for (const words of ['meet at the library', 'meet at the bus station']) {
    const doc = new Y.Doc();
    doc.clientID = clientIdFor(boris.me.signPk, DOC, 1);
    doc.getText('t').insert(0, words);
    const sealed = sealEnvelope({
      contentKey,
      cellId: record.cellId,
      epoch: 0,
      kind: ENVELOPE_KIND.update,
      docId: DOC,
      author: boris.me,
      seq: 1,
      time: 0,
      body: encodeUpdateBody({ session: 1, prev: NO_PREV, update: Y.encodeStateAsUpdate(doc) }),
    });
    if (!sealed.ok) throw new Error(sealed.error);
    wire.set(sealed.value.envId, sealed.value.bytes);
  }
}

const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(() => {
  initI18n('en');
});

/** Issue 14 item 1: a member who equivocates is named on the other members' screens. */
describe('the equivocation alert', () => {
  it('names the member whose two signed versions of one edit reached this device', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    await cell.advance(2_000);
    const session = createCellSession(anna, undefined);
    const shown = (): string =>
      text(renderToStaticMarkup(createElement(EquivocationAlert, { session })));
    expect(shown()).toBe('');

    equivocate(boris);
    await cell.advance(2_000);
    expect(shown()).toContain('Two versions of one edit, both signed');
    expect(shown()).toContain('Signed two different versions of the same edit: Boris.');
    await session.close();
    await boris.close();
  });

  it('tells that their edits are held, and offers a coordinator, and only a coordinator, the release', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    const vera = await cell.admit(anna, 'Vera', 'member', 2);
    await cell.advance(2_000);
    const annas = createCellSession(anna, undefined);
    const veras = createCellSession(vera, undefined);
    const shown = (session: typeof annas): string =>
      text(renderToStaticMarkup(createElement(EquivocationAlert, { session })));
    equivocate(boris);
    await cell.advance(2_000);
    for (const s of [annas, veras]) expect(shown(s)).toContain('held on this device');
    expect(shown(annas)).toContain('Let their edits in again');
    expect(shown(veras)).not.toContain('Let their edits in again');
    const borisHex = Buffer.from(boris.me.signPk).toString('hex');
    expect(annas.governance?.releaseEquivocator(borisHex)).toBe(1);
    await cell.advance(2_000);
    expect(annas.governance?.releaseEquivocator(borisHex)).toBe(0);
    // Vera verified Anna's release against the roster: nothing of Boris's is held there either.
    expect(vera.sync.diagnostics.released.size).toBe(1);
    await annas.close();
    await veras.close();
    await boris.close();
  });
});
