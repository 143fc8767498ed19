import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../editor/ConfirmDialog.tsx';

/**
 * Asks before public-facing work goes to a member who said they are inside the country (or to
 * oneself, when one said so), or whose mark someone else changed (then Quire cannot tell), and
 * says why. Going back is the default (it has the focus).
 */
export function ExposureWarningDialog({
  pending,
  onConfirm,
  onCancel,
}: {
  readonly pending:
    | {
        readonly taskTitle: string;
        readonly memberName: string;
        readonly self: boolean;
        /** Someone else wrote or deleted this member's inside mark. */
        readonly overwritten?: boolean;
      }
    | undefined;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const values = { title: pending?.taskTitle ?? '', name: pending?.memberName ?? '' };
  const self = pending?.self ?? false;
  return (
    <ConfirmDialog
      open={pending !== undefined}
      tone="warning"
      title={self ? t('tasks.warning.titleSelf') : t('tasks.warning.title', values)}
      confirmLabel={t('tasks.warning.confirm')}
      cancelLabel={t('tasks.warning.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        {pending?.overwritten
          ? t('tasks.warning.whyOverwritten', values)
          : self
            ? t('tasks.warning.whySelf', values)
            : t('tasks.warning.why', values)}
      </p>
      <p>{self ? t('tasks.warning.adviceSelf') : t('tasks.warning.advice', values)}</p>
    </ConfirmDialog>
  );
}
