import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/property/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    // Two test files at a time: much of the suite waits on processes, sockets and timers, so on
    // the 2-core CI machine a second worker fills the idle core (vitest's default there is one).
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
