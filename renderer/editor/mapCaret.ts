/** One operation of a Y.Text change delta (insert may be an embed, which counts as one unit). */
export interface TextDeltaOp {
  readonly insert?: unknown;
  readonly retain?: number;
  readonly delete?: number;
}

/**
 * Where a caret at `index` in the old text lands after a remote change described by `delta`.
 * Text inserted exactly at the caret goes after it (the local writer keeps typing where they
 * were); a deleted range that contains the caret collapses it to the start of the range.
 */
export function mapCaret(delta: readonly TextDeltaOp[], index: number): number {
  let oldPos = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPos >= index) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      shift += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, index - oldPos);
      oldPos += op.delete;
    }
  }
  return Math.max(0, index + shift);
}
