/**
 * Asks the person before the browser build opens a link in a new tab, in the app's own dialog
 * and language (LinkConfirmHost registers it); without one, the adapter falls back to the
 * browser's confirm(). Resolves true to open.
 */
export type LinkConfirmer = (url: URL) => Promise<boolean>;

let current: LinkConfirmer | undefined;

/** Registers the dialog; returns the unregister function. */
export function setLinkConfirmer(confirmer: LinkConfirmer): () => void {
  current = confirmer;
  return () => {
    if (current === confirmer) current = undefined;
  };
}

export const linkConfirmer = (): LinkConfirmer | undefined => current;
