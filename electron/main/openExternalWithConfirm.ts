import { dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { PlatformError } from '../../shared/platform/ipcContract.ts';
import { err, ok, type Result } from '../../shared/util/result.ts';
import { describeExternalUrl, isSafeExternalUrl } from './policy/isSafeExternalUrl.ts';

let asking = false;

/**
 * Opens an https: link in the system browser, only after the user says yes in a native dialog
 * that shows the real host. One dialog at a time: a page cannot stack prompts.
 */
export const openExternalWithConfirm = async (
  parent: BrowserWindow | undefined,
  url: string,
): Promise<Result<{ opened: boolean }, PlatformError>> => {
  if (!isSafeExternalUrl(url)) return err('unsafe-url');
  if (asking) return ok({ opened: false });
  asking = true;
  try {
    const { host, href } = describeExternalUrl(url);
    const options: MessageBoxOptions = {
      type: 'question',
      buttons: ['Cancel', 'Open in browser'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      title: 'Open link',
      message: `Open ${host} in your browser?`,
      detail: `${href}\n\nThe site will see your IP address.`,
    };
    const { response } = parent
      ? await dialog.showMessageBox(parent, options)
      : await dialog.showMessageBox(options);
    if (response !== 1) return ok({ opened: false });
    // Re-check right before use: the URL string is the one we validated, never re-read.
    if (!isSafeExternalUrl(href)) return err('unsafe-url');
    await shell.openExternal(href);
    return ok({ opened: true });
  } finally {
    asking = false;
  }
};
