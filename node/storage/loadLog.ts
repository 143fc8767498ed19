import type { FileHandle } from 'node:fs/promises';
import type { StorageReport } from '../../shared/storage/StorageReport.ts';
import { assessReplay, type DamagePlan } from './assessReplay.ts';
import { compactLog } from './compactLog.ts';
import type { FaultStep, FileStorageStats } from './FileStorageOptions.ts';
import { keepAside } from './keepAside.ts';
import { LogIndex } from './LogIndex.ts';
import { encodeSlot, type HeaderSlot, readHeader, slotOffset } from './logHeader.ts';
import { syncDir, writeAt, writeFailure } from './logIo.ts';
import { FIRST_RECORD } from './logFormat.ts';
import type { OpenedLog } from './openLogFile.ts';
import { replayLog, type Replay } from './replayLog.ts';
import { scrubVaultCopies } from './scrubVaultCopies.ts';

/** A log ready for use, and what was found on the way. */
export interface LoadedLog {
  readonly fh: FileHandle;
  /** Where the next record goes. */
  readonly size: number;
  readonly index: LogIndex;
  /** The counter of the newest header slot (the next slot write uses counter + 1). */
  readonly slotCounter: number;
  readonly reports: readonly StorageReport[];
  /** What was found, as FileStorageStats counters. */
  readonly found: OpenCounters;
}

export type OpenCounters = Pick<
  FileStorageStats,
  'tornTails' | 'cutBytes' | 'damagedRanges' | 'keptAsideBytes' | 'truncations'
>;

function countersOf(plan: DamagePlan, reports: readonly StorageReport[]): OpenCounters {
  let keptAsideBytes = 0;
  for (const r of reports)
    if (r.kind === 'damaged' && r.keptAs !== undefined) keptAsideBytes += r.bytes;
  return {
    tornTails: plan.tornBytes > 0 ? 1 : 0,
    cutBytes: plan.tornBytes,
    damagedRanges: plan.keepAside.length,
    keptAsideBytes,
    truncations: plan.truncated ? 1 : 0,
  };
}

/**
 * Replays the log and deals with what replay found: damaged bytes are copied aside (keepAside)
 * and, once they are safely kept, the log is rewritten without them (compactLog); a torn tail
 * is cut; the header slot is brought up to date so the same damage is not reported twice. A
 * format 1 log is always rewritten as format 2. Nothing is cut or rewritten away unless it was
 * kept aside first: if that fails (no space), the damaged bytes stay in the log, are skipped on
 * every open and reported again.
 */
export async function loadLog(
  dir: string,
  log: OpenedLog,
  fault?: (step: FaultStep) => void,
): Promise<LoadedLog> {
  const { format } = log;
  const fh = log.fh;
  const size = (await fh.stat()).size;
  const header =
    format.version === 2
      ? { ...(await readHeader(fh, size)), magicDamaged: log.magicDamaged }
      : undefined;
  const replay: Replay =
    size >= format.firstRecord && !log.headless
      ? await replayLog(fh, size, format)
      : { index: new LogIndex(), end: FIRST_RECORD, damaged: [], tailBytes: 0, tailIsShort: false };
  const plan = assessReplay(replay, log.headless ? 0 : size, format, header);
  const kept = await keepAside(dir, fh, plan.keepAside, fault && (() => fault('keep-aside')));
  const reports: StorageReport[] = plan.keepAside.map((r, i) => ({
    kind: 'damaged',
    bytes: r.end - r.start,
    keptAs: kept[i],
  }));
  if (plan.tornBytes > 0) reports.push({ kind: 'torn-tail', bytes: plan.tornBytes });
  if (plan.truncated) reports.push({ kind: 'truncated', ...plan.truncated });
  const found = countersOf(plan, reports);

  const allKept = kept.every((name) => name !== undefined);
  const mustRewrite = format.version === 1 || log.headless || size < FIRST_RECORD;
  if (mustRewrite || (plan.keepAside.length > 0 && allKept)) {
    try {
      if (!allKept) throw new Error('damaged bytes could not be kept aside');
      fault?.('compact');
      const next = await compactLog(dir, fh, replay.index);
      await syncDir(dir);
      // The old file is unlinked now, but its blocks may survive: zero its vault copies too.
      await scrubVaultCopies(fh, replay.index.vaultCopies, format).catch(() => undefined);
      await fh.close().catch(() => undefined);
      return { fh: next.fh, size: next.size, index: next.index, slotCounter: 1, reports, found };
    } catch (e) {
      if (mustRewrite) throw writeFailure(e, 'cannot rewrite the store');
      // Carry on in the old file: the damaged bytes stay where they are, already copied aside.
    }
  }
  let end = size;
  if (plan.tornBytes > 0) {
    await fh.truncate(replay.end);
    await fh.datasync();
    end = replay.end;
  }
  const slotCounter = await settleHeader(fh, header?.slot, end, fault);
  return { fh, size: end, index: replay.index, slotCounter, reports, found };
}

/** Records `end` as durable in a header slot unless the current one already says so. */
async function settleHeader(
  fh: FileHandle,
  slot: HeaderSlot | undefined,
  end: number,
  fault?: (step: FaultStep) => void,
): Promise<number> {
  if (slot && slot.durableEnd === end && slot.end === end) return slot.counter;
  const counter = (slot?.counter ?? 1) + 1;
  try {
    fault?.('header');
    await writeAt(fh, encodeSlot({ counter, durableEnd: end, end }), slotOffset(counter));
    await fh.datasync();
  } catch {
    // The next append writes a slot again; until then an older slot stands, which only
    // makes the truncation check more lenient, never wrong.
  }
  return counter;
}
