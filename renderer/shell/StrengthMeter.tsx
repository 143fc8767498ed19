import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from './passphraseStrength.ts';

const LEVELS = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const;

/** zxcvbn's score as a <meter> with a word, and its warning in the interface language. */
export function StrengthMeter({
  strength,
  id,
}: {
  readonly strength: PassphraseStrength | undefined;
  readonly id: string;
}): ReactElement {
  const { t } = useTranslation();
  const labelId = useId();
  const score = strength?.score ?? 0;
  const level = LEVELS[score] ?? 'veryWeak';
  return (
    <div className="strength" id={id} data-score={strength === undefined ? '' : String(score)}>
      <span id={labelId} className="strength__label">
        {t('vault.strength.label')}
      </span>
      {/* 1..5 so that even "very weak" shows a sliver; low/high colour 0-2 red, 3-4 green. */}
      <meter
        aria-labelledby={labelId}
        aria-valuetext={strength === undefined ? undefined : t(`vault.strength.level.${level}`)}
        min={0}
        max={5}
        low={3}
        high={4}
        optimum={5}
        value={strength === undefined ? 0 : score + 1}
      />
      <span className="strength__value" aria-live="polite">
        {strength === undefined ? t('vault.strength.empty') : t(`vault.strength.level.${level}`)}
      </span>
      {strength?.warning !== undefined && (
        <p className="strength__warning">{t(`vault.strength.warning.${strength.warning}`)}</p>
      )}
    </div>
  );
}
