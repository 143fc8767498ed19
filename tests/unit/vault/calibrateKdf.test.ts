import { describe, expect, it } from 'vitest';
import { calibrateKdf } from '../../../shared/vault/calibrateKdf.ts';
import { KDF_CAP, KDF_FLOOR, type KdfParams } from '../../../shared/vault/kdfParams.ts';
import { measureKdf } from '../../../shared/vault/measureKdf.ts';

const MiB = 1024 * 1024;

/** A device model: Argon2id time is ~linear in memory x passes. `msAtFloor` is the floor's cost. */
function device(msAtFloor: number) {
  const seen: KdfParams[] = [];
  const measure = (p: KdfParams): Promise<number> => {
    seen.push(p);
    const scale = (p.memlimit / KDF_FLOOR.memlimit) * (p.opslimit / KDF_FLOOR.opslimit);
    return Promise.resolve(msAtFloor * scale);
  };
  return { measure, seen };
}

describe('calibrateKdf', () => {
  it('keeps the floor on these machines (floor costs ~1 s or more)', async () => {
    const d = device(1300);
    expect(await calibrateKdf(d.measure)).toEqual(KDF_FLOOR);
    expect(d.seen).toEqual([KDF_FLOOR]); // no pointless bigger derivation
  });

  it('raises memory first, towards ~1 s', async () => {
    const d = device(400); // 512 MiB -> 800 ms; 1 GiB (1600 ms) and 4 passes (1067 ms) over budget
    expect(await calibrateKdf(d.measure)).toEqual({ opslimit: 3, memlimit: 512 * MiB });
    const e = device(300); // 512 MiB -> 600 ms, 1 GiB -> 1200 ms (no), 4 passes -> 800 ms (yes)
    expect(await calibrateKdf(e.measure)).toEqual({ opslimit: 4, memlimit: 512 * MiB });
  });

  it('then passes, never above the cap', async () => {
    const d = device(100); // 1 GiB -> 400 ms, ops 4 -> 533 ms, cap reached
    expect(await calibrateKdf(d.measure)).toEqual(KDF_CAP);
    const fast = device(1);
    expect(await calibrateKdf(fast.measure)).toEqual(KDF_CAP);
    for (const p of fast.seen) {
      expect(p.memlimit).toBeLessThanOrEqual(KDF_CAP.memlimit);
      expect(p.opslimit).toBeLessThanOrEqual(KDF_CAP.opslimit);
    }
    expect(fast.seen.length).toBeLessThanOrEqual(4);
  });

  it('stops climbing when a measurement fails or overshoots', async () => {
    const failing = (p: KdfParams) =>
      p.memlimit > 512 * MiB ? Promise.reject(new Error('out of memory')) : Promise.resolve(10);
    expect(await calibrateKdf(failing)).toEqual({ opslimit: 4, memlimit: 512 * MiB });
    // The model predicted 900 ms but the real step took 3 s (swapping): keep the previous step.
    const liar = (p: KdfParams) =>
      Promise.resolve(p.memlimit === KDF_FLOOR.memlimit && p.opslimit === 3 ? 450 : 3000);
    expect(await calibrateKdf(liar)).toEqual(KDF_FLOOR);
    expect(await calibrateKdf(() => Promise.reject(new Error('no worker')))).toEqual(KDF_FLOOR);
  });

  it('measureKdf times one derivation with the given params and zeroes its output', async () => {
    const outputs: Uint8Array[] = [];
    const seen: number[][] = [];
    const kdf = (p: Uint8Array, salt: Uint8Array, ops: number, mem: number) => {
      seen.push([p.length, salt.length, ops, mem]);
      const out = new Uint8Array(32).fill(7);
      outputs.push(out);
      return Promise.resolve(out);
    };
    let clock = 100;
    const measure = measureKdf(kdf, () => (clock += 250));
    expect(await measure({ opslimit: 3, memlimit: 1 << 28 })).toBe(250);
    expect(seen).toEqual([[16, 16, 3, 1 << 28]]);
    expect(outputs[0]!.every((b) => b === 0)).toBe(true);
  });
});
