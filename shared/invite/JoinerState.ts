import type { InviteCodeError } from './InviteCode.ts';
import type { InviteNotice } from './InviteNotice.ts';
import type { Welcome } from './Welcome.ts';

/** What the joiner's UI or CLI shows while it waits in the invite room. */
export type JoinerState =
  | { readonly status: 'invalid_code'; readonly error: InviteCodeError }
  | { readonly status: 'waiting_for_approval'; readonly requestId: Uint8Array }
  | {
      readonly status: 'approved';
      readonly welcome: Welcome;
      readonly coordinatorSignPk: Uint8Array;
    }
  | { readonly status: 'denied' | 'expired' | 'revoked' | 'used'; readonly requestId: Uint8Array };

export type JoinerEvent =
  /** An invite notice that openInviteNotice accepted. */
  | { readonly type: 'notice'; readonly notice: InviteNotice }
  /**
   * A welcome that openWelcome accepted AND whose signer the caller found to be a coordinator in
   * the roster the welcome carries (or, for a relay, a welcome that opened). Never raise this for
   * an unchecked welcome.
   */
  | {
      readonly type: 'welcome_verified';
      readonly welcome: Welcome;
      readonly coordinatorSignPk: Uint8Array;
    };
