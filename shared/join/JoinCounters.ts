import type { InviteNoticeRejection } from '../invite/openInviteNotice.ts';
import type { JoinRequestRejection } from '../invite/openJoinRequest.ts';
import type { WelcomeRejection } from '../invite/openWelcome.ts';
import type { TopicDrop } from '../transport/openRendezvousTopic.ts';
import type { InviteChannelRejection } from './openInviteChannelMessage.ts';
import type { WelcomeCheckError } from './verifyWelcome.ts';

/** Why a wire-doc value was not even a frame this side could use. */
export type FrameDrop =
  | 'not_bytes'
  | 'too_large'
  | 'unsupported_version'
  | 'malformed'
  | 'bad_key'
  | 'over_budget'
  | 'handler_error';

/**
 * Why a message on the rendezvous invite channel was dropped before it became a frame: the
 * socket's and the sealed message's reasons (a part of a frame above the cap counts as
 * frame.too_large), and `evicted` for an unfinished frame pushed out by newer ones.
 */
export type ChannelDrop = TopicDrop | Exclude<InviteChannelRejection, 'too_large'> | 'evicted';

/** Every way an invite-room value is dropped, by stage. */
export type JoinDropKey =
  | `channel.${ChannelDrop}`
  | `frame.${FrameDrop}`
  | `request.${JoinRequestRejection | 'too_many'}`
  | `notice.${InviteNoticeRejection}`
  | `welcome.${WelcomeRejection | WelcomeCheckError}`;

/**
 * Counts for one invite room (host or joiner): drops by reason and a few benign events. Counts
 * only, no content, so the UI's diagnostics can show them.
 */
export class JoinCounters {
  readonly dropped = new Map<JoinDropKey, number>();
  /** Frames of a kind this side does not read (a host ignores welcomes and notices). */
  ignored = 0;
  /** A request from a joiner already seen (same signing key). */
  duplicates = 0;
  /** A notice for someone else's request. */
  otherNotices = 0;
  /** Own frames put back after a peer deleted or overwrote them (mesh wire docs are append-only). */
  reinserted = 0;

  drop(key: JoinDropKey): void {
    this.dropped.set(key, (this.dropped.get(key) ?? 0) + 1);
  }

  droppedTotal(): number {
    let n = 0;
    for (const v of this.dropped.values()) n += v;
    return n;
  }

  snapshot(): Record<string, number> {
    return {
      ignored: this.ignored,
      duplicates: this.duplicates,
      otherNotices: this.otherNotices,
      reinserted: this.reinserted,
      ...Object.fromEntries(Array.from(this.dropped, ([k, v]) => [`dropped.${k}`, v])),
    };
  }
}
