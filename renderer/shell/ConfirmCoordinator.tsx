import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SafetyWords } from '../members/SafetyWords.tsx';
import type { JoinConfirmation } from '../session/AppSession.ts';

/**
 * The last step of joining: the welcome passed every automatic check (it comes from the cell and
 * the coordinator the code commits to), and the joiner now compares that coordinator's safety
 * words with what the coordinator reads out, which also catches a code swapped before it reached
 * them. Nothing of the cell is stored until "The words match"; cancel keeps nothing.
 */
export function ConfirmCoordinator({
  confirmation,
  onOpen,
  onCancel,
}: {
  readonly confirmation: JoinConfirmation;
  readonly onOpen: () => void;
  readonly onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const heading = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [opening, setOpening] = useState(false);
  const name = confirmation.coordinatorPseudonym;
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section
      className="panel stack form-narrow"
      aria-labelledby={heading}
      data-step="confirm-words"
    >
      <h1 id={heading} ref={headingRef} tabIndex={-1}>
        {t('shell.join.confirm.heading', { name })}
      </h1>
      <p>{t('shell.join.confirm.intro', { name, cell: confirmation.cellName })}</p>
      <SafetyWords
        words={confirmation.coordinatorWords}
        label={t('shell.join.confirm.wordsLabel', { name })}
      />
      <p className="callout callout--warning">{t('shell.join.confirm.why', { name })}</p>
      <div className="actions actions--start">
        <button
          type="button"
          disabled={opening}
          onClick={() => {
            setOpening(true);
            onOpen();
          }}
        >
          {t('shell.join.confirm.open')}
        </button>
        <button type="button" className="button--quiet" disabled={opening} onClick={onCancel}>
          {t('shell.join.confirm.cancel')}
        </button>
      </div>
    </section>
  );
}
