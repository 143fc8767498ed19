import type { IssueLayout } from './IssueLayout.ts';

/** The head of an issue's front page. Every field is what the user typed; nothing is derived. */
export interface Masthead {
  readonly title: string;
  readonly issueNumber: string;
  /** YYYY-MM-DD, chosen by the user (also the only date a scrubbed PDF carries). */
  readonly date: string;
  /** '' if none. */
  readonly tagline: string;
}

/** One issue of the newsletter as stored in the cell index, after validation. */
export interface NewsletterIssue {
  /** 32 lowercase hex. */
  readonly id: string;
  readonly masthead: Masthead;
  /** Drafts in print order; only drafts that exist in the index, each once. */
  readonly draftIds: readonly string[];
  readonly layout: IssueLayout;
  readonly createdAt: number;
  readonly updatedAt: number;
}
