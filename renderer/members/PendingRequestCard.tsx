import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingJoin } from '../session/CellSession.ts';
import type { Report } from './Report.ts';
import { SafetyWords } from './SafetyWords.tsx';

/**
 * Someone asks to join with one of our invites. Approving lets them read the cell, so the card
 * is built against clicking through: the words come first, the instruction is plain, and Approve
 * does nothing until the coordinator ticks that they heard every word match. Both sides compare:
 * the card also shows the coordinator's own words, which the joiner checks before the cell opens
 * on their device.
 */
export function PendingRequestCard({
  request,
  myWords,
  report,
}: {
  readonly request: PendingJoin;
  /** The coordinator's own safety words, to read to the joiner. */
  readonly myWords: readonly string[];
  readonly report: Report;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { heading: useId(), matched: useId(), history: useId(), problem: useId() };
  const name = request.pseudonym;
  const [matched, setMatched] = useState(false);
  const [history, setHistory] = useState(true);
  const [problem, setProblem] = useState(false);

  return (
    <li>
      <form
        className="panel stack pending"
        aria-labelledby={ids.heading}
        data-request={request.requestIdHex}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!matched) return setProblem(true);
          request.approve(history);
          report({ ok: true, text: t('members.pending.approved', { name }) });
        }}
      >
        <h4 id={ids.heading}>
          {t('members.pending.heading', { name, role: t(`members.roles.${request.role}`) })}
        </h4>
        <p className="callout callout--warning pending__instruction">
          <strong>{t('members.pending.instruction')}</strong>
        </p>
        <SafetyWords
          words={request.safetyWords}
          label={t('members.pending.wordsLabel', { name })}
        />
        <p className="muted">{t('members.pending.why')}</p>
        <label className="check" htmlFor={ids.matched}>
          <input
            id={ids.matched}
            type="checkbox"
            checked={matched}
            aria-invalid={problem && !matched ? true : undefined}
            aria-describedby={problem && !matched ? ids.problem : undefined}
            onChange={(event) => {
              setMatched(event.target.checked);
              setProblem(false);
            }}
          />
          <span>{t('members.pending.matched', { name })}</span>
        </label>
        <label className="check" htmlFor={ids.history}>
          <input
            id={ids.history}
            type="checkbox"
            checked={history}
            onChange={(event) => setHistory(event.target.checked)}
          />
          <span>
            {t('members.pending.history')}
            <span className="muted field__help pending__history-help">
              {t('members.pending.historyHelp')}
            </span>
          </span>
        </label>
        <p>{t('members.pending.myWordsInstruction', { name })}</p>
        <SafetyWords words={myWords} label={t('members.pending.myWordsLabel')} />
        {problem && !matched && (
          <p id={ids.problem} className="error" role="alert">
            {t('members.pending.tickFirst')}
          </p>
        )}
        <div className="actions actions--start">
          <button type="submit">{t('members.pending.approve', { name })}</button>
          <button
            type="button"
            className="button--quiet"
            onClick={() => {
              request.deny();
              report({ ok: true, text: t('members.pending.denied', { name }) });
            }}
          >
            {t('members.pending.deny', { name })}
          </button>
        </div>
      </form>
    </li>
  );
}
