import { useId, type ReactElement, type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog.tsx';

/** Asks before something consequential; the safe choice (cancel) has the initial focus. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  tone = 'normal',
}: {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly tone?: 'normal' | 'warning';
}): ReactElement {
  const titleId = useId();
  const bodyId = useId();
  return (
    <ModalDialog
      open={open}
      labelledBy={titleId}
      describedBy={bodyId}
      onClose={onCancel}
      className={`confirm confirm--${tone}`}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId} className="confirm__body">
        {children}
      </div>
      <div className="modal__actions">
        <button type="button" className="button--quiet" autoFocus onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={tone === 'warning' ? 'button--warning' : ''}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
