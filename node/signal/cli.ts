import { parseSignalArgs, signalUsage } from './parseSignalArgs.ts';
import { startSignalServer } from './SignalServer.ts';

/** `npm run signal -- [--host H] [--port P]`: prints `listening ws://H:P` once ready. */
const main = async (): Promise<void> => {
  const parsed = parseSignalArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.detail ?? parsed.error}\n${signalUsage}\n`);
    process.exit(2);
  }
  if (parsed.value.kind === 'help') {
    process.stdout.write(`${signalUsage}\n`);
    return;
  }
  const { host, port } = parsed.value.args;
  let server;
  try {
    server = await startSignalServer({ host, port });
  } catch (e) {
    // Only the system error code (EADDRINUSE, EACCES...): nothing about traffic.
    const code = (e as { code?: unknown }).code;
    process.stderr.write(`cannot listen: ${typeof code === 'string' ? code : 'error'}\n`);
    process.exit(1);
  }
  const running = server;
  process.stdout.write(`listening ${running.url}\n`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

void main();
