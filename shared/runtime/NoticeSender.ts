import { toHex } from '../crypto/bytes.ts';

/** Ops per notice: 12 ops of at most 32 KiB each fit a notice (512 KiB) whatever they are. */
export const NOTICE_OPS = 12;

/** Seals ops to one member and posts them where holders of (epoch, key) listen (CellSync). */
export type NotifyFn = (
  epoch: number,
  key: Uint8Array,
  boxPk: Uint8Array,
  ops: readonly Uint8Array[],
) => boolean;

export interface NoticeRecipient {
  readonly hex: string;
  readonly boxPk: Uint8Array;
}

/**
 * Roster notices (shared/sync/memberNotice.ts) from this device: each op goes to each member in
 * each room at most once per session, in bundles of NOTICE_OPS.
 */
export class NoticeSender {
  private readonly sent = new Map<string, Set<string>>();

  constructor(private readonly notify: NotifyFn) {}

  send(
    epoch: number,
    key: Uint8Array,
    to: NoticeRecipient,
    ops: Iterable<readonly [string, Uint8Array]>,
  ): void {
    const id = `${epoch}:${toHex(key)}:${to.hex}`;
    let sent = this.sent.get(id);
    if (!sent) this.sent.set(id, (sent = new Set()));
    const fresh = Array.from(ops).filter(([opId]) => !sent.has(opId));
    for (let i = 0; i < fresh.length; i += NOTICE_OPS) {
      const part = fresh.slice(i, i + NOTICE_OPS);
      if (
        !this.notify(
          epoch,
          key,
          to.boxPk,
          part.map(([, bytes]) => bytes),
        )
      )
        return;
      for (const [opId] of part) sent.add(opId);
    }
  }
}
