import { useEffect } from 'react';
import type { Platform } from '../../shared/platform/Platform.ts';

/** Locks when the OS locks the screen or suspends (Electron; a browser tab never hears of it). */
export function useOsLock(enabled: boolean, platform: Platform, onLock: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    return platform.onLockRequest(() => onLock());
  }, [enabled, platform, onLock]);
}
