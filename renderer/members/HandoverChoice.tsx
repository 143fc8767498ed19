import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskHandover } from './taskHandover.ts';

/** In the removal dialog: whom the member's open tasks go to once the removal counts. */
export function HandoverChoice({
  name,
  handover,
  value,
  onChange,
}: {
  readonly name: string;
  readonly handover: TaskHandover;
  readonly value: string;
  readonly onChange: (to: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('members.remove.handover', { name, n: handover.open })}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('members.remove.handoverNobody')}</option>
        {handover.targets.map((m) => (
          <option key={m.signPkHex} value={m.signPkHex}>
            {m.isMe ? t('members.list.me', { name: m.pseudonym }) : m.pseudonym}
          </option>
        ))}
      </select>
    </div>
  );
}
