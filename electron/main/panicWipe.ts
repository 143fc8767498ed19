import type { App, Session } from 'electron';

/**
 * Clears everything the session stored (IndexedDB, caches, cookies, service workers, code and
 * DNS caches), then relaunches. Each step runs even if an earlier one failed: a partial wipe is
 * better than none. The renderer has already destroyed the wrapped vault key before calling this.
 */
export const panicWipe = async (app: App, sessions: readonly Session[]): Promise<never> => {
  for (const ses of sessions) {
    const steps: (() => Promise<unknown>)[] = [
      () => ses.clearStorageData(),
      () => ses.clearData(),
      () => ses.clearCache(),
      () => ses.clearAuthCache(),
      () => ses.clearCodeCaches({}),
      () => ses.clearHostResolverCache(),
    ];
    for (const step of steps) {
      try {
        await step();
      } catch {
        // Keep going: the next step may still remove something.
      }
    }
    ses.flushStorageData();
  }
  app.relaunch();
  app.exit(0);
  // app.exit does not return control in practice; keep the type honest for callers.
  return new Promise<never>(() => undefined);
};
