import type { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import { equivocatorsOf } from '../../shared/runtime/equivocatorsOf.ts';
import type { CliIo } from './CliIo.ts';

/**
 * The headless counterpart of the app's equivocation alert: one stderr line per author this home
 * caught signing two versions of one edit, so a script or a person at the terminal is told
 * whatever command they ran. Stdout stays the command's result.
 */
export function warnEquivocators(
  cell: { readonly sync: Pick<CellRuntime['sync'], 'diagnostics'> } & Pick<
    CellRuntime,
    'currentRoster'
  >,
  io: Pick<CliIo, 'err'>,
): void {
  const members = cell.currentRoster().members;
  const found = equivocatorsOf(cell.sync.diagnostics, (hex) => members.get(hex)?.pseudonym);
  for (const e of found) {
    const who = e.pseudonym ?? `the former member ${e.signPkHex.slice(0, 8)}`;
    const how = e.proven ? 'a proof every member can check is held' : 'seen by this device';
    io.err(
      `warning: ${who} signed two different versions of one edit (${how}); members may be seeing different texts: a coordinator should decide (remove them)`,
    );
  }
}
