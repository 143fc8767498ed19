import { useEffect } from 'react';
import { isPanicShortcut } from './isPanicShortcut.ts';

/**
 * Ctrl+Shift+Alt+W anywhere in the window calls `onPanic` (captured before any field or editor
 * sees the key, so no focused control can swallow it).
 */
export function usePanicShortcut(enabled: boolean, onPanic: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isPanicShortcut(event)) return;
      event.preventDefault();
      event.stopPropagation();
      onPanic();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled, onPanic]);
}
