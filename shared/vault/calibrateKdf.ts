import { KDF_CAP, KDF_FLOOR, type KdfParams } from './kdfParams.ts';

/** Milliseconds one derivation takes with `params` on this device (see measureKdf). */
export type MeasureKdf = (params: KdfParams) => Promise<number>;

export const KDF_TARGET_MS = 1000;
/** A measured step may overshoot the target by this factor and still be kept. */
const TOLERANCE = 1.25;

/**
 * Picks Argon2id params for this device: start at the floor; while a step is predicted (cost is
 * ~linear in memory and passes) to stay within ~1 s, double memlimit, then add passes, measuring
 * each step for real; never above the cap, never below the floor. At most a handful of
 * derivations. A measurement that throws (e.g. the worker cannot allocate) stops the climb.
 */
export async function calibrateKdf(
  measure: MeasureKdf,
  targetMs: number = KDF_TARGET_MS,
): Promise<KdfParams> {
  let best: KdfParams = KDF_FLOOR;
  let t: number;
  try {
    t = await measure(best);
  } catch {
    return best;
  }
  const tryStep = async (next: KdfParams, factor: number): Promise<boolean> => {
    if (!(t * factor <= targetMs)) return false;
    let tn: number;
    try {
      tn = await measure(next);
    } catch {
      return false;
    }
    if (!(tn <= targetMs * TOLERANCE)) return false;
    best = next;
    t = tn;
    return true;
  };
  while (best.memlimit < KDF_CAP.memlimit) {
    const memlimit = Math.min(best.memlimit * 2, KDF_CAP.memlimit);
    if (!(await tryStep({ ...best, memlimit }, memlimit / best.memlimit))) break;
  }
  while (best.opslimit < KDF_CAP.opslimit) {
    const opslimit = best.opslimit + 1;
    if (!(await tryStep({ ...best, opslimit }, opslimit / best.opslimit))) break;
  }
  return best;
}
