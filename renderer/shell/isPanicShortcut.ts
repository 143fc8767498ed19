/** The panic-wipe shortcut, as shown to people. */
export const PANIC_SHORTCUT_LABEL = 'Ctrl+Shift+Alt+W';

/**
 * Ctrl+Shift+Alt+W. Matched on the physical key (`code`), so it works the same with a Russian
 * or Ukrainian layout, where that key types "ц".
 */
export function isPanicShortcut(event: {
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly code: string;
  readonly repeat?: boolean;
}): boolean {
  return (
    event.ctrlKey &&
    event.shiftKey &&
    event.altKey &&
    !event.metaKey &&
    event.code === 'KeyW' &&
    event.repeat !== true
  );
}
