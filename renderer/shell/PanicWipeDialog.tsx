import { useEffect, useId, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PANIC_SHORTCUT_LABEL } from './isPanicShortcut.ts';

/**
 * The one confirmation before a panic wipe (a modal <dialog>: focus is trapped, Escape cancels).
 * Focus starts on Cancel; pressing the shortcut again also confirms.
 */
export function PanicWipeDialog({
  open,
  onConfirm,
  onCancel,
}: {
  readonly open: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { title: useId(), body: useId() };
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--danger"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onClose={onCancel}
    >
      {open && (
        <div className="stack">
          <h2 id={ids.title}>{t('settings.panic.confirmHeading')}</h2>
          <p id={ids.body}>{t('settings.panic.confirmBody', { shortcut: PANIC_SHORTCUT_LABEL })}</p>
          <div className="actions">
            <button ref={cancelRef} type="button" className="button--quiet" onClick={onCancel}>
              {t('shell.cancel')}
            </button>
            <button type="button" className="button--danger" onClick={onConfirm}>
              {t('settings.panic.confirm')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
