import { isAppUrl } from './appOrigin.ts';

/** What main knows about the frame behind an IPC message. */
export interface SenderInfo {
  /** URL of the sending frame; undefined if the frame is gone. */
  readonly url: string | undefined;
  /** The top frame of its page (no iframe may call the API). */
  readonly isTopFrame: boolean;
  /** The message came from the app's own main window. */
  readonly fromMainWindow: boolean;
}

/** Main answers IPC only from the app's own top frame at app://quire/. */
export const isTrustedSender = (sender: SenderInfo): boolean =>
  sender.fromMainWindow && sender.isTopFrame && sender.url !== undefined && isAppUrl(sender.url);
