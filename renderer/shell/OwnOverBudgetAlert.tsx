import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { toHex } from '../../shared/crypto/bytes.ts';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { listDrafts } from '../../shared/cell/listDrafts.ts';
import { TASK_BOARD_DOC_ID } from '../../shared/cell/taskBoardDocId.ts';
import type { CellSession } from '../session/CellSession.ts';

type Refused = ReturnType<CellSession['ownOverBudget']>[number];

/**
 * Tells the member that other members refused something she wrote because it is over the budgets
 * every member enforces on receipt (PROTOCOL §7.3): they do not have it, and nothing else would
 * tell her. The editor already refuses a paste that large; this covers what gets past it (a
 * document grown by named versions, an edit made elsewhere). Polled with the status line.
 */
export function OwnOverBudgetAlert({
  session,
}: {
  readonly session: CellSession;
}): ReactElement | null {
  const { t } = useTranslation();
  const heading = useId();
  const [refused, setRefused] = useState<readonly Refused[]>(() => session.ownOverBudget());
  useEffect(() => session.onStatusChange(() => setRefused(session.ownOverBudget())), [session]);
  if (refused.length === 0) return null;
  const titles = new Map(
    listDrafts(session.doc(CELL_INDEX_DOC_ID), session.authors(CELL_INDEX_DOC_ID)).entries.map(
      (d) => [d.id, d.title],
    ),
  );
  const titleOf = (docHex: string): string =>
    docHex === toHex(TASK_BOARD_DOC_ID)
      ? t('shell.overBudget.board')
      : docHex === toHex(CELL_INDEX_DOC_ID)
        ? t('shell.overBudget.index')
        : (titles.get(docHex) ?? docHex.slice(0, 8));
  return (
    <section className="alert-banner" role="alert" aria-labelledby={heading}>
      <h2 id={heading}>{t('shell.overBudget.heading')}</h2>
      {refused.map((r) => (
        <p key={r.docHex}>
          {t(`shell.overBudget.${r.reason}`, { title: titleOf(r.docHex) })}{' '}
          <button
            type="button"
            onClick={() => {
              session.dismissOwnOverBudget(r.docHex);
              setRefused(session.ownOverBudget());
            }}
          >
            {t('shell.overBudget.dismiss')}
          </button>
        </p>
      ))}
    </section>
  );
}
