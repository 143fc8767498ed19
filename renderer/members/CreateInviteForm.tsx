import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellGovernance, Role } from '../session/CellSession.ts';
import { EXPIRY_CHOICES, inviteTtl, MAX_CUSTOM_HOURS, type ExpiryChoice } from './inviteTtl.ts';

const INVITE_ROLES: readonly Role[] = ['member', 'reader', 'coordinator', 'relay'];

/** A note is a reminder for the coordinator, not a message: keep it short. */
export const MAX_NOTE_CHARS = 200;

type Problem = 'custom_hours' | 'failed' | undefined;

/**
 * A new one-time invite: the role it grants, how long it stays valid, and a note only this device
 * keeps ("for the printer in Lviv"). Resolves through onCreated with the new code.
 */
export function CreateInviteForm({
  governance,
  onCreated,
}: {
  readonly governance: CellGovernance;
  readonly onCreated: (code: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const ids = {
    heading: useId(),
    role: useId(),
    roleHelp: useId(),
    hours: useId(),
    note: useId(),
    noteHelp: useId(),
    problem: useId(),
  };
  const [role, setRole] = useState<Role>('member');
  const [expiry, setExpiry] = useState<ExpiryChoice>('24h');
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="panel stack"
      aria-labelledby={ids.heading}
      autoComplete="off"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const ttl = inviteTtl(expiry, hours);
        if (!ttl.ok) return setProblem('custom_hours');
        setProblem(undefined);
        setBusy(true);
        governance
          .createInvite(role, ttl.value, note.trim())
          .catch(() => ({ ok: false as const, error: 'threw' }))
          .then((created) => {
            setBusy(false);
            if (!created.ok) return setProblem('failed');
            setNote('');
            onCreated(created.code);
          })
          .catch(() => setBusy(false));
      }}
    >
      <h4 id={ids.heading}>{t('members.invites.newHeading')}</h4>
      <div className="field">
        <label htmlFor={ids.role}>{t('members.invites.roleLabel')}</label>
        <select
          id={ids.role}
          value={role}
          aria-describedby={ids.roleHelp}
          onChange={(event) => setRole(INVITE_ROLES.find((r) => r === event.target.value) ?? role)}
        >
          {INVITE_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`members.roles.${r}`)}
            </option>
          ))}
        </select>
        <p id={ids.roleHelp} className="muted field__help">
          {t(`members.roleHelp.${role}`)}
        </p>
      </div>
      <fieldset className="choice-row">
        <legend>{t('members.invites.expiryLegend')}</legend>
        {EXPIRY_CHOICES.map((choice) => (
          <label key={choice} className="choice-row__option">
            <input
              type="radio"
              name={`${ids.hours}-expiry`}
              value={choice}
              checked={expiry === choice}
              onChange={() => {
                setExpiry(choice);
                setProblem(undefined);
              }}
            />
            {t(`members.invites.expiry.${choice}`)}
          </label>
        ))}
      </fieldset>
      {expiry === 'custom' && (
        <div className="field">
          <label htmlFor={ids.hours}>{t('members.invites.hoursLabel')}</label>
          <input
            id={ids.hours}
            className="invite-form__hours"
            type="text"
            inputMode="numeric"
            value={hours}
            maxLength={6}
            aria-invalid={problem === 'custom_hours' ? true : undefined}
            aria-describedby={problem === 'custom_hours' ? ids.problem : undefined}
            onChange={(event) => setHours(event.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.note}>{t('members.invites.noteLabel')}</label>
        <input
          id={ids.note}
          type="text"
          value={note}
          maxLength={MAX_NOTE_CHARS}
          aria-describedby={ids.noteHelp}
          onChange={(event) => setNote(event.target.value)}
        />
        <p id={ids.noteHelp} className="muted field__help">
          {t('members.invites.noteHelp')}
        </p>
      </div>
      {problem !== undefined && (
        <p id={ids.problem} className="error" role="alert">
          {problem === 'custom_hours'
            ? t('members.invites.badHours', { max: MAX_CUSTOM_HOURS })
            : t('members.invites.failed')}
        </p>
      )}
      <div className="actions actions--start">
        <button type="submit" disabled={busy}>
          {busy ? t('members.invites.creating') : t('members.invites.create')}
        </button>
      </div>
    </form>
  );
}
