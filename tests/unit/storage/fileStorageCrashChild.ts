/**
 * Child process of fileStorageCrash.test.ts: opens the store in argv[2], continues the
 * workload after the last durable batch and prints `ack n compactions` once each write has resolved,
 * until it is killed.
 */
import { openFileStorage } from '../../../node/storage/FileStorage.ts';
import { counterValue, crashBatch } from './crashWorkload.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: fileStorageCrashChild.ts <dir>');
const storage = await openFileStorage(dir, { compactMinBytes: 128 * 1024 });
let n = counterValue(await storage.get('settings', 'counter'));
process.stdout.write(`ready ${n}\n`);
for (;;) {
  n++;
  await storage.write(crashBatch(n));
  process.stdout.write(`ack ${n} ${storage.stats().compactions}\n`); // synchronous on a pipe on Linux: printed means acknowledged
}
