import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (measured on the 2-core CI machine, in seconds), in the order they
 * should start. Vitest's own order on a fresh clone, with no timings cached, is "largest file
 * first", which starts a 20-line scenario file that runs for two minutes last and leaves one
 * worker idle behind it; starting the longest first keeps both busy to the end.
 */
const LONGEST: readonly string[] = [
  'tests/property/sync/convergence.test.ts', // 140
  'tests/property/sync/byzantineMember.test.ts', // 128
  'tests/property/runtime/concurrentMembership.test.ts', // 41
  'tests/property/roster/reboxConcurrency.test.ts', // 17
  'tests/integration/cli/quireInformer.test.ts', // 133
  'tests/integration/cli/quireCommand.test.ts', // 103
  'tests/integration/cli/quireRelay.test.ts', // 90
  'tests/integration/cli/relayForget.test.ts', // 55
];

const rank = (spec: TestSpecification): number => {
  const at = LONGEST.findIndex((path) => spec.moduleId.endsWith(path));
  return at === -1 ? LONGEST.length : at;
};

/** Vitest's order (groups, projects, cached timings), with the known-longest files first. */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((spec, i) => [spec, i]));
    const group = (s: TestSpecification): number => s.project.config.sequence.groupOrder;
    return sorted.sort(
      (a, b) =>
        group(a) - group(b) ||
        (a.project.name === b.project.name ? rank(a) - rank(b) : 0) ||
        (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
  }
}
