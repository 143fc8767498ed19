/** A named version of a draft, as listed (the copied body stays in the doc until opened). */
export interface VersionEntry {
  readonly id: string;
  readonly name: string;
  readonly at: number;
  /** signPk hex of whoever saved it: verified when read with ClientAuthors, '' if unknown. */
  readonly by: string;
  /** Size of the saved copy in bytes. */
  readonly bytes: number;
}
