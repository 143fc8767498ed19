import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal question before an action that cannot be taken back (a <dialog>: focus stays inside,
 * Escape cancels). Mount it only while asking. Focus starts on Cancel, so a stray Enter does
 * nothing harmful.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { title: useId(), body: useId() };
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // No cleanup that closes it: unmounting removes it, and a close event would cancel again.
    if (dialog && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--danger"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onClose={onCancel}
    >
      <div className="stack">
        <h2 id={ids.title}>{title}</h2>
        <div id={ids.body} className="stack members-dialog__body">
          {children}
        </div>
        <div className="actions">
          <button ref={cancelRef} type="button" className="button--quiet" onClick={onCancel}>
            {t('members.cancel')}
          </button>
          <button type="button" className="button--danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
