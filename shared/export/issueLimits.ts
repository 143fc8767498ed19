/** Bounds on an issue entry: a writer never exceeds them, a reader skips an entry that does. */
export const ISSUE_LIMITS = {
  titleMaxChars: 200,
  issueNumberMaxChars: 40,
  taglineMaxChars: 200,
  draftsPerIssueMax: 200,
  /** Entries read from the 'issues' map; the rest are skipped. */
  issuesMax: 1000,
} as const;
