import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../editor/ConfirmDialog.tsx';
import { setLinkConfirmer } from './linkConfirmer.ts';

/**
 * The browser build's question before a link opens in a new tab, as an app dialog in the
 * person's language (it was the browser's English-only confirm()). Mounted once per page.
 */
export function LinkConfirmHost(): ReactElement {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<
    { readonly url: URL; readonly answer: (yes: boolean) => void } | undefined
  >();
  useEffect(
    () =>
      setLinkConfirmer(
        (url) =>
          new Promise<boolean>((resolve) => {
            setAsking((previous) => {
              previous?.answer(false);
              return {
                url,
                answer: (yes) => {
                  setAsking(undefined);
                  resolve(yes);
                },
              };
            });
          }),
      ),
    [],
  );
  return (
    <ConfirmDialog
      open={asking !== undefined}
      title={t('editor.linkConfirm.title', { host: asking?.url.host ?? '' })}
      confirmLabel={t('editor.linkConfirm.open')}
      cancelLabel={t('editor.linkConfirm.cancel')}
      tone="warning"
      onConfirm={() => asking?.answer(true)}
      onCancel={() => asking?.answer(false)}
    >
      <p className="link-confirm__url">{asking?.url.href}</p>
      <p>{t('editor.linkConfirm.ip')}</p>
    </ConfirmDialog>
  );
}
