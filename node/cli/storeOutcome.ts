import type { StorageReport } from '../../shared/storage/StorageReport.ts';
import { failure, type CommandResult } from './CommandResult.ts';

/**
 * What the home's store reported while a command ran, in words: `problems` make the command
 * fail (exit 1) even if it did its work, because a write was not made durable or data at rest
 * was found damaged; `notes` (a torn tail: a write a crash interrupted, never acknowledged) are
 * printed but do not fail it.
 */
export function describeStoreReports(
  reports: readonly StorageReport[],
  dir: string,
): { problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const failed = reports.filter((r) => r.kind === 'write-failed');
  if (failed.length > 0) {
    const full = failed.some((r) => r.code === 'full');
    problems.push(`the store could not be written: ${full ? 'disk full' : 'input/output error'}`);
  }
  const damaged = reports.flatMap((r) => (r.kind === 'damaged' ? [r] : []));
  if (damaged.length > 0) {
    const bytes = damaged.reduce((n, r) => n + r.bytes, 0);
    const kept = damaged.flatMap((r) => (r.keptAs === undefined ? [] : [r.keptAs]));
    const where =
      kept.length === damaged.length
        ? `kept aside in ${kept.join(', ')}`
        : 'left in place (there was no room to copy them aside)';
    problems.push(
      `the store in ${dir} was damaged: ${plural(bytes, 'byte')} ${where}; everything else was read`,
    );
  }
  for (const r of reports) {
    if (r.kind === 'truncated') {
      const missing = r.missingBytes === undefined ? '' : ` (${plural(r.missingBytes, 'byte')})`;
      problems.push(`the store in ${dir} lost its end${missing}: it is shorter than it was`);
    }
  }
  const rows = reports.filter((r) => r.kind === 'row-quarantined').length;
  if (rows > 0) {
    const verb = rows === 1 ? 'was' : 'were';
    problems.push(`${plural(rows, 'row')} of the store could not be opened and ${verb} set aside`);
  }
  const torn = reports.flatMap((r) => (r.kind === 'torn-tail' ? [r] : []));
  for (const r of torn) {
    notes.push(
      `note: the last write to the store in ${dir} was interrupted and never completed (${plural(r.bytes, 'byte')} cut off)`,
    );
  }
  return { problems, notes };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The command's result with the store's problems put first: a command that did its work
 * still fails if the store could not keep it or was found damaged.
 */
export function withStoreProblems(
  result: CommandResult,
  problems: readonly string[],
): CommandResult {
  if (problems.length === 0) return result;
  const own = result.ok ? [] : [result.detail ?? result.error];
  return failure(result.ok ? 'failed' : result.error, [...problems, ...own].join('; '));
}
