import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { initI18n, LANGUAGES } from '../../../renderer/i18n/i18n.ts';
import { ExpiryWarning } from '../../../renderer/editor/ExpiryWarning.tsx';
import { createCellHorizon } from '../../../renderer/session/createCellHorizon.ts';
import { CellHorizonForm } from '../../../renderer/settings/CellHorizonForm.tsx';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { listVersions } from '../../../shared/cell/listVersions.ts';
import { saveVersion } from '../../../shared/cell/saveVersion.ts';
import { createRuntimeCell, memberHex } from '../runtime/runtimeCell.ts';

const DAY = 24 * 60 * 60 * 1000;
const WORDS = {
  en: 'History horizon',
  ru: 'Срок хранения истории',
  uk: 'Строк зберігання історії',
};

describe('history horizon in the cell settings and the versions panel', () => {
  it('a coordinator chooses it and may rotate; a member sees it, cannot change it, and is warned', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    await cell.advance(2_000);
    const annaHorizon = createCellHorizon(anna, () => undefined);
    const borisHorizon = createCellHorizon(boris, () => undefined);
    expect(borisHorizon.set(90)).toBe(false);
    expect(annaHorizon.set(7)).toBe(true);
    await cell.advance(2_000);
    expect(borisHorizon.get()).toMatchObject({ setting: { days: 7 }, tampered: false });

    for (const language of LANGUAGES) {
      initI18n(language);
      const coord = renderToStaticMarkup(createElement(CellHorizonForm, { horizon: annaHorizon }));
      const member = renderToStaticMarkup(
        createElement(CellHorizonForm, { horizon: borisHorizon }),
      );
      for (const html of [coord, member]) expect(html).toContain(WORDS[language]);
      expect(coord).toContain('<button');
      expect(member).not.toContain('<button');
      expect(member).toMatch(/<select[^>]*disabled/);
      expect(coord).not.toMatch(/<select[^>]*disabled/);
    }

    initI18n('en');
    const index = anna.sync.doc(CELL_INDEX_DOC_ID);
    const draft = createDraft(index, 'Issue 4', memberHex(anna), cell.scheduler.now());
    if (!draft.ok) throw new Error(draft.error);
    const doc = anna.sync.doc(draftDocId(draft.value)!);
    expect(saveVersion(doc, 'old one', memberHex(anna), Date.now() - 5 * DAY).ok).toBe(true);
    expect(saveVersion(doc, 'new one', memberHex(anna), Date.now()).ok).toBe(true);
    const now = Date.now();
    const warnings = listVersions(doc).entries.map((v) =>
      renderToStaticMarkup(
        createElement(ExpiryWarning, { at: v.at, horizon: annaHorizon.get().setting, now }),
      ),
    );
    // Only the version within three days of the horizon carries the warning.
    expect(warnings).toEqual(['', expect.stringContaining('will be deleted in 2 days')]);
    for (const rt of [anna, boris]) await rt.close();
  });
});
