import type { Block } from './IssueBlock.ts';

/** One draft of an issue as the exports print it: its title and its body as blocks. */
export interface ExportDraft {
  readonly title: string;
  readonly blocks: readonly Block[];
}
