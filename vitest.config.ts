import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/support/LongestFirstSequencer.ts';

/** Integration files that need the machine to themselves. */
const SOLO = ['tests/integration/cli/syncTimeout.test.ts'];

const shared = {
  environment: 'node',
  pool: 'forks',
  testTimeout: 60_000,
  hookTimeout: 60_000,
} as const;

export default defineConfig({
  test: {
    // One order for every project (vitest reads the sequencer from the root config only).
    sequence: { sequencer: LongestFirstSequencer },
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
        // Several processes, real WebRTC and the rendezvous server, after the rest so no
        // scenario's timers compete with the CPU-bound property tests. Two files at a time: the
        // scenarios mostly wait (timers, WebRTC, quiet windows), and each `quire` scenario has a
        // file of its own so the longest ones can overlap.
        test: {
          ...shared,
          name: 'network',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...SOLO],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Last and alone: a 12 s sync timeout among 56 MiB of junk, where the valid draft must
        // still arrive in time; sharing the cores with another scenario made it miss (measured).
        test: {
          ...shared,
          name: 'network-solo',
          include: [...SOLO],
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
