import { useId, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PSEUDONYM_MAX_CHARS, validatePseudonym } from '../../shared/identity/validatePseudonym.ts';
import { MAX_INVITE_CODE_INPUT_CHARS } from '../../shared/invite/inviteCodeFormat.ts';
import { inviteTimeLeft } from '../../shared/invite/inviteTimeLeft.ts';
import { parseInviteCode } from '../../shared/invite/parseInviteCode.ts';
import type { AppSession, JoinConfirmation, JoinState } from '../session/AppSession.ts';
import { ConfirmCoordinator } from './ConfirmCoordinator.tsx';
import { formatInviteValidity } from './formatInviteValidity.ts';
import { InviteValidity } from './InviteValidity.tsx';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'bad_code'; readonly reason: string }
  /** Past the code's expiry by this device's clock: refused before anything is sent. */
  | { readonly kind: 'expired_code'; readonly expiresAt: number }
  | { readonly kind: 'bad_pseudonym' }
  | { readonly kind: 'joining'; readonly state: JoinState | 'connecting' }
  | { readonly kind: 'ended'; readonly state: JoinState }
  | { readonly kind: 'confirm'; readonly confirmation: JoinConfirmation }
  | { readonly kind: 'cancelled'; readonly coordinator: string }
  | { readonly kind: 'failed' };

/** States after which nothing more will happen: the person has to get a new code or retry. */
const FINAL: ReadonlySet<JoinState> = new Set([
  'denied',
  'expired',
  'revoked',
  'used',
  'invalid_code',
  'timeout',
  'cancelled',
]);

/** The expiry a code carries, once the text parses; nothing else of the code is kept. */
function codeExpiry(code: string): number | undefined {
  const parsed = parseInviteCode(code);
  if (!parsed.ok) return undefined;
  parsed.value.secret.fill(0);
  return parsed.value.expiresAt;
}

/**
 * Join a cell with an invite code, as a fresh identity under a new pseudonym. Once the code
 * parses, shows until when it is valid (InviteValidity), and refuses a code already past it.
 * Shows each state of the join: waiting for a coordinator's approval (and a refused forgery, if
 * someone else holding the code answered), then the admitting coordinator's safety words to
 * compare before the cell is kept, or why it ended.
 */
export function JoinCellForm({
  session,
  onJoined,
}: {
  readonly session: AppSession;
  readonly onJoined: (cellIdHex: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { code: useId(), pseudonym: useId(), status: useId(), validity: useId() };
  const [code, setCode] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [words, setWords] = useState<readonly string[]>([]);
  const joining = status.kind === 'joining';
  const abort = useRef<AbortController | undefined>(undefined);
  const expiresAt = useMemo(() => codeExpiry(code), [code]);
  // Hidden while the alert below says this same code has expired (not twice on screen).
  const showValidity =
    expiresAt !== undefined && !(status.kind === 'expired_code' && status.expiresAt === expiresAt);

  if (status.kind === 'confirm') {
    const { confirmation } = status;
    return (
      <ConfirmCoordinator
        confirmation={confirmation}
        onOpen={() => {
          confirmation.confirm().then(
            (cellIdHex) => {
              setCode('');
              onJoined(cellIdHex);
            },
            () => setStatus({ kind: 'failed' }),
          );
        }}
        onCancel={() => {
          confirmation.cancel();
          setStatus({ kind: 'cancelled', coordinator: confirmation.coordinatorPseudonym });
        }}
      />
    );
  }

  return (
    <form
      className="panel stack form-narrow"
      autoComplete="off"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (joining) return;
        const parsed = parseInviteCode(code);
        if (!parsed.ok) return setStatus({ kind: 'bad_code', reason: parsed.error });
        parsed.value.secret.fill(0); // checked only; the session parses the code again
        // The coordinator's clock decides, but it would refuse this too: don't send anything.
        if (inviteTimeLeft(parsed.value.expiresAt, Date.now()).status === 'expired')
          return setStatus({ kind: 'expired_code', expiresAt: parsed.value.expiresAt });
        const who = validatePseudonym(pseudonym);
        if (!who.ok) return setStatus({ kind: 'bad_pseudonym' });
        setStatus({ kind: 'joining', state: 'connecting' });
        abort.current = new AbortController();
        void session
          .join(
            code,
            who.value,
            (state, detail) => {
              setWords(detail.safetyWords);
              setStatus(FINAL.has(state) ? { kind: 'ended', state } : { kind: 'joining', state });
            },
            abort.current.signal,
          )
          .then(
            (joined) => {
              setStatus(
                joined.ok
                  ? { kind: 'confirm', confirmation: joined.value }
                  : { kind: 'ended', state: joined.error },
              );
            },
            () => setStatus({ kind: 'failed' }),
          );
      }}
    >
      <h1>{t('shell.join.heading')}</h1>
      <p>{t('shell.join.intro')}</p>
      <div className="field">
        <label htmlFor={ids.code}>{t('shell.join.codeLabel')}</label>
        <textarea
          id={ids.code}
          value={code}
          rows={3}
          maxLength={MAX_INVITE_CODE_INPUT_CHARS}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          disabled={joining}
          aria-invalid={
            status.kind === 'bad_code' || status.kind === 'expired_code' ? true : undefined
          }
          aria-describedby={showValidity ? `${ids.validity} ${ids.status}` : ids.status}
          onChange={(event) => setCode(event.target.value)}
        />
        {showValidity && <InviteValidity id={ids.validity} expiresAt={expiresAt} />}
      </div>
      <div className="field">
        <label htmlFor={ids.pseudonym}>{t('shell.join.pseudonymLabel')}</label>
        <input
          id={ids.pseudonym}
          type="text"
          value={pseudonym}
          maxLength={PSEUDONYM_MAX_CHARS * 2}
          autoComplete="off"
          spellCheck={false}
          disabled={joining}
          aria-invalid={status.kind === 'bad_pseudonym' ? true : undefined}
          onChange={(event) => setPseudonym(event.target.value)}
        />
        <p className="muted field__help">{t('shell.join.pseudonymHelp')}</p>
      </div>
      <div id={ids.status} aria-live="polite">
        <JoinStatus status={status} />
      </div>
      {joining && words.length > 0 && (
        <section className="stack" aria-labelledby={`${ids.status}-words`}>
          <h2 id={`${ids.status}-words`}>{t('shell.join.yourWords')}</h2>
          <p className="muted">{t('shell.join.yourWordsHelp')}</p>
          {/* The word list is English in every UI language: both sides must say the same words. */}
          <ol className="safety-words" data-testid="join-safety-words" lang="en">
            {words.map((w, i) => (
              <li key={`${i}-${w}`}>{w}</li>
            ))}
          </ol>
        </section>
      )}
      <div className="actions">
        {joining && (
          <button type="button" className="button--quiet" onClick={() => abort.current?.abort()}>
            {t('shell.join.cancelRequest')}
          </button>
        )}
        <button type="submit" disabled={joining}>
          {t('shell.join.submit')}
        </button>
      </div>
    </form>
  );
}

function JoinStatus({ status }: { readonly status: Status }): ReactElement | null {
  const { t, i18n } = useTranslation();
  switch (status.kind) {
    case 'idle':
      return null;
    case 'bad_code':
      return (
        <p className="error" role="alert">
          {t(
            status.reason === 'checksum_mismatch'
              ? 'shell.join.badCode.typo'
              : status.reason === 'outdated_version'
                ? 'shell.join.badCode.outdated'
                : 'shell.join.badCode.other',
          )}
        </p>
      );
    case 'expired_code':
      return (
        <p className="error" role="alert" data-state="expired_code">
          {t('shell.join.validity.expired', {
            date: formatInviteValidity(status.expiresAt, Date.now(), i18n.language).date,
          })}
        </p>
      );
    case 'bad_pseudonym':
      return (
        <p className="error" role="alert">
          {t('shell.join.badPseudonym')}
        </p>
      );
    case 'failed':
      return (
        <p className="error" role="alert">
          {t('shell.join.failed')}
        </p>
      );
    case 'confirm':
      return null;
    case 'cancelled':
      return (
        <p className="notice" role="status" data-state="cancelled">
          {t('shell.join.confirm.cancelled', { name: status.coordinator })}
        </p>
      );
    case 'joining':
      return (
        <div className="join-state" data-state={status.state}>
          <progress aria-label={t(`shell.join.state.${status.state}`)} />
          {status.state === 'forged_welcome' ? (
            <p className="error" role="alert">
              {t('shell.join.state.forged_welcome')}
            </p>
          ) : (
            <p role="status">{t(`shell.join.state.${status.state}`)}</p>
          )}
        </div>
      );
    case 'ended':
      return (
        <p
          className={
            status.state === 'approved' || status.state === 'cancelled' ? 'notice' : 'error'
          }
          role={status.state === 'approved' || status.state === 'cancelled' ? 'status' : 'alert'}
          data-state={status.state}
        >
          {status.state === 'forged_welcome'
            ? t('shell.join.forgedEnded')
            : t(`shell.join.state.${status.state}`)}
        </p>
      );
  }
}
