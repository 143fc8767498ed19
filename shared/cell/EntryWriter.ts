import type { ClientAuthors } from './ClientAuthors.ts';

/** A member writing entries into a cell document, and how to tell which entries she wrote. */
export interface EntryWriter {
  /** The engine's verified clientID -> author (signPk hex) of the document written to. */
  readonly authors: ClientAuthors;
  /** The member's signing key (hex), as `authors` names writers. */
  readonly member: string;
}
