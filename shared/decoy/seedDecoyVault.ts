import { toHex } from '../crypto/bytes.ts';
import { sodiumReady } from '../crypto/sodium.ts';
import { addTask } from '../cell/addTask.ts';
import { CELL_INDEX_DOC_ID } from '../cell/cellIndexDocId.ts';
import { countWords } from '../cell/countWords.ts';
import { createDraft } from '../cell/createDraft.ts';
import { draftDocId } from '../cell/draftDocId.ts';
import { replaceDraftText } from '../cell/replaceDraftText.ts';
import { TASK_BOARD_DOC_ID } from '../cell/taskBoardDocId.ts';
import { updateDraftEntry } from '../cell/updateDraftEntry.ts';
import { createIdentity } from '../identity/createIdentity.ts';
import { createCellRecord } from '../runtime/cellGovernance.ts';
import { CellRuntime } from '../runtime/CellRuntime.ts';
import { saveKeyring } from '../runtime/Keyring.ts';
import type { CellRecord } from '../runtime/Keyring.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { Vault } from '../vault/Vault.ts';
import {
  DECOY_TEMPLATES,
  type DecoyLanguage,
  type DecoyTemplate,
  type DecoyTemplateId,
} from './decoyTemplates.ts';

/**
 * Fills a freshly made decoy vault (setDuressPassphrase) with a working cell of its own from a
 * template: a new identity, a cell where it is the only coordinator, the template's drafts and
 * tasks, all stored exactly as a cell made by hand would be. Returns the new cell's id (hex).
 */
export function seedDecoyVault(
  vault: Vault,
  template: DecoyTemplateId,
  language: DecoyLanguage,
  signaling: readonly string[],
): Promise<Result<string, string>> {
  return seedCellFromTemplate(vault, DECOY_TEMPLATES[template][language], signaling);
}

/** The same for any content (tests build a real cell with canaries this way). */
export async function seedCellFromTemplate(
  vault: Vault,
  t: DecoyTemplate,
  signaling: readonly string[],
): Promise<Result<string, string>> {
  await sodiumReady();
  const identity = createIdentity(t.pseudonym);
  if (!identity.ok) return err(identity.error);
  const record = createCellRecord({ identity: identity.value, name: t.cellName, signaling });
  if (!record.ok) return err(record.error);
  let current: CellRecord = record.value;
  const save = async (r: CellRecord): Promise<void> => {
    current = r;
    await saveKeyring(vault.store, [r]);
  };
  await save(current);
  const cell = await CellRuntime.open({ record: current, sealed: vault.store, saveRecord: save });
  try {
    const me = toHex(cell.me.signPk);
    const index = cell.sync.doc(CELL_INDEX_DOC_ID);
    for (const draft of t.drafts) {
      const id = createDraft(index, draft.title, me);
      if (!id.ok) return err(id.error);
      const docId = draftDocId(id.value);
      if (!docId) return err('bad_draft_id');
      replaceDraftText(cell.sync.doc(docId), draft.text);
      updateDraftEntry(index, id.value, {
        edit: { by: me, at: Date.now(), words: countWords(draft.text) },
      });
    }
    const board = cell.sync.doc(TASK_BOARD_DOC_ID);
    for (const title of t.tasks) {
      const added = addTask(board, title, me);
      if (!added.ok) return err(added.error);
    }
  } finally {
    await cell.close();
  }
  return ok(current.cellIdHex);
}
