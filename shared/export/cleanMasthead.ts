import { cleanLine } from '../cell/cleanLine.ts';
import { isDueDate } from '../cell/isDueDate.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { IssueError } from './IssueError.ts';
import { ISSUE_LIMITS } from './issueLimits.ts';
import type { Masthead } from './NewsletterIssue.ts';

const LINE_FIELDS = [
  ['title', ISSUE_LIMITS.titleMaxChars],
  ['issueNumber', ISSUE_LIMITS.issueNumberMaxChars],
  ['tagline', ISSUE_LIMITS.taglineMaxChars],
] as const;

/**
 * A masthead as it will be stored: each line cleaned like a draft title (control characters and
 * runs of whitespace collapsed). Too long is refused rather than cut, so nothing the user sees
 * in the form differs silently from what prints. The date must be a real YYYY-MM-DD day.
 */
export function cleanMasthead(masthead: Masthead): Result<Masthead, IssueError> {
  const clean: Record<(typeof LINE_FIELDS)[number][0], string> = {
    title: '',
    issueNumber: '',
    tagline: '',
  };
  for (const [field, max] of LINE_FIELDS) {
    const raw: unknown = masthead[field];
    // Not text at all (a stale or hostile caller) is refused like an oversized line.
    if (typeof raw !== 'string') return err('too-long', field);
    const line = cleanLine(raw, Number.MAX_SAFE_INTEGER);
    if (line.length > max) return err('too-long', field);
    clean[field] = line;
  }
  if (clean.title === '') return err('empty-title');
  if (!isDueDate(masthead.date)) return err('invalid-date');
  return ok({ ...clean, date: masthead.date });
}
