import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { PlatformError, SaveKind } from '../../shared/platform/ipcContract.ts';
import { safeFileName, SAVE_EXTENSIONS } from '../../shared/platform/safeFileName.ts';
import { ok, type Result } from '../../shared/util/result.ts';
import { writeFileAtomically } from './writeFileAtomically.ts';

/** Format names, the same in every language, for the dialog's file-type filter. */
const FILTER_NAMES: Readonly<Record<SaveKind, string>> = {
  pdf: 'PDF',
  html: 'HTML',
  markdown: 'Markdown',
};

/**
 * The user picks where an export goes in the OS's own save dialog (the renderer never names a
 * path); the bytes are written atomically. Cancelling is not an error: `saved` is false.
 */
export async function saveFileWithDialog(
  win: BrowserWindow | undefined,
  directory: string,
  request: { readonly name: string; readonly kind: SaveKind; readonly data: Uint8Array },
): Promise<Result<{ saved: boolean }, PlatformError>> {
  const options: SaveDialogOptions = {
    defaultPath: join(directory, safeFileName(request.name, request.kind)),
    filters: [{ name: FILTER_NAMES[request.kind], extensions: [SAVE_EXTENSIONS[request.kind]] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const choice =
    win === undefined
      ? await dialog.showSaveDialog(options)
      : await dialog.showSaveDialog(win, options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
    return ok({ saved: false });
  }
  const written = await writeFileAtomically(choice.filePath, request.data);
  return written.ok ? ok({ saved: true }) : written;
}
