import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import './modal.css';

/**
 * A native modal <dialog>: the browser traps focus, makes the page behind it inert and closes it
 * on Escape (reported through onClose). Children render only while open.
 */
export function ModalDialog({
  open,
  labelledBy,
  describedBy,
  onClose,
  className,
  children,
}: {
  readonly open: boolean;
  readonly labelledBy: string;
  readonly describedBy?: string;
  readonly onClose: () => void;
  readonly className?: string;
  readonly children: ReactNode;
}): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
    >
      {open ? children : null}
    </dialog>
  );
}
