/** What a chunked channel tells the backlog: bytes it still holds to send, and whether it is open. */
export interface BacklogChannel {
  readonly bufferedAmount: number;
  readonly open: boolean;
}

/**
 * The data channels of one transport that may still hold bytes to send. "Everything we had is on
 * the wire" is only known here: a big update is queued in frames and leaves over seconds on a
 * slow link, while nothing arrives, so a sync that ends on quiet alone can leave with it unsent.
 */
export class SendBacklog {
  private readonly channels = new Set<BacklogChannel>();

  add(channel: BacklogChannel): void {
    this.channels.add(channel);
  }

  delete(channel: BacklogChannel): void {
    this.channels.delete(channel);
  }

  /** Bytes queued in frames or buffered by the real channel, over the open channels. */
  bytes(): number {
    let total = 0;
    for (const channel of this.channels) {
      if (channel.open) total += channel.bufferedAmount;
      else this.channels.delete(channel);
    }
    return total;
  }
}
