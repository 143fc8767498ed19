/** The outcome of one membership action, shown in the screen's live region. */
export interface Outcome {
  readonly ok: boolean;
  readonly text: string;
}

export type Report = (outcome: Outcome) => void;
