import { useId, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteView } from '../session/CellSession.ts';
import { inviteQrDataUrl } from './inviteQrDataUrl.ts';

type Copy = 'idle' | 'copied' | 'failed';

/**
 * An open invite's code, to pass on through a channel the joiner trusts: the text (selectable,
 * with a copy button) and the same code as a QR symbol drawn on this device.
 */
export function InviteCode({
  invite,
  onClose,
}: {
  readonly invite: InviteView;
  readonly onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { heading: useId(), code: useId(), copy: useId() };
  const [copy, setCopy] = useState<Copy>('idle');
  const qr = useMemo(() => inviteQrDataUrl(invite.code), [invite.code]);

  return (
    <section className="panel stack invite-code" aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{t('members.invites.codeHeading')}</h4>
      <p>{t('members.invites.codeHelp')}</p>
      <div className="field">
        <label htmlFor={ids.code}>{t('members.invites.codeLabel')}</label>
        <textarea
          id={ids.code}
          className="invite-code__text"
          readOnly
          rows={3}
          value={invite.code}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="actions actions--start">
        <button
          type="button"
          aria-describedby={ids.copy}
          onClick={() => {
            // The clipboard can be refused (no focus, no permission): say so, the text stays.
            void navigator.clipboard.writeText(invite.code).then(
              () => setCopy('copied'),
              () => setCopy('failed'),
            );
          }}
        >
          {t('members.invites.copy')}
        </button>
        <button type="button" className="button--quiet" onClick={onClose}>
          {t('members.invites.hideCode')}
        </button>
      </div>
      <p id={ids.copy} role="status" className={copy === 'failed' ? 'error' : 'notice'}>
        {copy === 'copied' && t('members.invites.copied')}
        {copy === 'failed' && t('members.invites.copyFailed')}
      </p>
      <img className="invite-code__qr" src={qr} alt={t('members.invites.qrAlt')} />
      <p className="muted">{t('members.invites.clipboardWarning')}</p>
    </section>
  );
}
