import type { TaskStatus } from './TaskStatus.ts';

/** A task of the board, after validation. */
export interface Task {
  readonly id: string;
  readonly title: string;
  readonly notes: string;
  readonly status: TaskStatus;
  /** Position within its column: ascending, ties broken by id. */
  readonly order: number;
  /** signPk hex of the member it is given to, or ''. */
  readonly assignee: string;
  /** YYYY-MM-DD or ''. */
  readonly due: string;
  readonly labels: readonly string[];
  /** Public-facing work: warn before giving it to a member inside the country. */
  readonly exposing: boolean;
  readonly createdAt: number;
  /** signPk hex of who created it ('' if unknown); verified when read with ClientAuthors. */
  readonly createdBy: string;
}
