/**
 * Child side of peerProcess.ts: reads JSON-line commands from stdin, runs the named handler and
 * writes its reply ({id, ok: true, ...result} or {id, ok: false, error}). Emits {"event":"ready"}
 * once the handlers are installed. `exit` is built in; the process also exits when stdin closes
 * (the parent is gone), so no child outlives its test.
 */
import { createInterface } from 'node:readline';

export type CommandArgs = Readonly<Record<string, unknown>>;
export type CommandHandler = (
  args: CommandArgs,
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

export interface PeerChild {
  emit(event: string, fields?: Record<string, unknown>): void;
}

const write = (msg: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(msg)}\n`);
};

export function runPeerChild(handlers: Readonly<Record<string, CommandHandler>>): PeerChild {
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const id = msg.id;
    const cmd = msg.cmd;
    if (typeof id !== 'number' || typeof cmd !== 'string') return;
    if (cmd === 'exit') {
      write({ id, ok: true });
      setImmediate(() => process.exit(0));
      return;
    }
    const handler = handlers[cmd];
    if (handler === undefined) {
      write({ id, ok: false, error: `unknown command ${cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(msg))
      .then(
        (result) => write({ ...(result ?? {}), id, ok: true }),
        (e: unknown) =>
          write({ id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
  });
  rl.on('close', () => process.exit(0));
  const child: PeerChild = { emit: (event, fields = {}) => write({ ...fields, event }) };
  queueMicrotask(() => child.emit('ready', { pid: process.pid }));
  return child;
}
