import { processIo } from './CliIo.ts';
import { runCli } from './runCli.ts';

/**
 * Entry of `quire` (bin/quire.js). The exit code is set, not forced: the process ends by itself
 * once every room, socket, timer and file is closed, which the integration tests rely on.
 */
process.exitCode = await runCli(process.argv.slice(2), processIo());
