import { useEffect } from 'react';
import { IdleTimer } from './IdleTimer.ts';

/** What counts as someone using the app. */
const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'input',
] as const;

/**
 * Locks after `timeoutMs` without activity while `enabled`. Also re-checks when the page becomes
 * visible again or the window regains focus (timers may have been paused by a sleeping OS).
 */
export function useAutoLock(enabled: boolean, timeoutMs: number, onIdle: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const timer = new IdleTimer(timeoutMs, onIdle);
    const activity = (): void => timer.activity();
    const check = (): void => timer.check();
    const options = { capture: true, passive: true } as const;
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, options);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      timer.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, options);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [enabled, timeoutMs, onIdle]);
}
