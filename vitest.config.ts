import { defineConfig } from 'vitest/config';

const shared = {
  environment: 'node',
  pool: 'forks',
  testTimeout: 60_000,
  hookTimeout: 60_000,
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        // Pure code and single-process tests: two files at a time fill both cores of the CI
        // machine (vitest's default there is one worker).
        test: {
          ...shared,
          name: 'core',
          include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Several processes, real WebRTC and the rendezvous server: one file at a time, after
        // the rest, so no scenario's timers compete with another file for the two cores.
        test: {
          ...shared,
          name: 'network',
          include: ['tests/integration/**/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
