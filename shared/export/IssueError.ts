/**
 * Why an issue was not created or changed (nothing is written then). 'too-long' names the field
 * in the result's detail, 'unknown-draft' the draft id.
 */
export type IssueError =
  | 'empty-title'
  | 'too-long'
  | 'invalid-date'
  | 'invalid-layout'
  | 'not-found'
  | 'unknown-draft'
  | 'duplicate-draft'
  | 'too-many-drafts';
