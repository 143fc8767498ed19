import { networkInterfaces } from 'node:os';
import { startSignalServer, type SignalServer } from '../../node/signal/SignalServer.ts';
import type { PlatformError } from '../../shared/platform/ipcContract.ts';
import { err, ok, type Result } from '../../shared/util/result.ts';
import { isAllowedRendezvousHost, rendezvousUrls } from './policy/rendezvousHost.ts';

/** The optional rendezvous server for a local network, run inside the main process. */
export class LanRendezvous {
  private server: SignalServer | undefined;
  /** Start and stop are serialised so two quick clicks cannot leak a listening socket. */
  private queue: Promise<unknown> = Promise.resolve();

  start(host: string, port: number): Promise<Result<{ urls: string[] }, PlatformError>> {
    return this.enqueue(async () => {
      const interfaces = networkInterfaces();
      if (!isAllowedRendezvousHost(host, interfaces)) return err('bad-host');
      await this.stopNow();
      try {
        this.server = await startSignalServer({ host, port });
      } catch {
        return err('listen-failed');
      }
      return ok({ urls: rendezvousUrls(host, this.server.port, interfaces) });
    });
  }

  stop(): Promise<boolean> {
    return this.enqueue(() => this.stopNow());
  }

  private async stopNow(): Promise<boolean> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return false;
    await server.close();
    return true;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
