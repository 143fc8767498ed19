/**
 * `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profileEngine.ts [round trips]`:
 * the in-process engine round trip (bench/scenarios/engineRoundTrip.ts) alone, for a CPU profile
 * of the send and receive path without WebRTC in the way. Prints the per-envelope figures.
 */
import { sodiumReady } from '../shared/crypto/sodium.ts';
import { engineRoundTrip } from './scenarios/engineRoundTrip.ts';

await sodiumReady();
await engineRoundTrip(300);
const count = Number(process.argv[2] ?? 2000);
const r = await engineRoundTrip(count);
const f = (n: number): string => n.toFixed(3);
console.log(
  `round trip p50: quire ${f(r.quireMs)} ms, plain ${f(r.plainMs)} ms; CPU per round trip: quire ${f(r.quireCpuMs)} ms, plain ${f(r.plainCpuMs)} ms; engine CPU per envelope ${f((r.quireCpuMs - r.plainCpuMs) / 2)} ms`,
);
