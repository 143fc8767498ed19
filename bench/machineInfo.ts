import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cores: number;
  readonly cpu_model: string;
  readonly node: string;
  readonly v8: string;
  readonly os: string;
  readonly total_mem_gb: number;
  readonly free_mem_gb_at_start: number;
  /** 1-minute load average at start and end: tells how shared the machine was. */
  readonly load_avg_start: number;
  load_avg_end?: number;
}

const gb = (bytes: number): number => Math.round((bytes / 2 ** 30) * 10) / 10;

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cores: list.length,
    cpu_model: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    v8: process.versions.v8,
    os: `${platform()} ${release()}`,
    total_mem_gb: gb(totalmem()),
    free_mem_gb_at_start: gb(freemem()),
    load_avg_start: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export const currentLoad = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;
