import type { CliIo } from './CliIo.ts';

/** Resolves after `seconds` (forever when undefined) or when the process is asked to stop. */
export function waitForStop(io: CliIo, seconds: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      off();
      resolve();
    };
    const off = io.onStop(finish);
    if (seconds !== undefined) timer = setTimeout(finish, seconds * 1000);
  });
}
