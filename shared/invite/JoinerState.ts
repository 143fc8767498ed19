import type { InviteCodeError } from './InviteCode.ts';
import type { InviteNotice } from './InviteNotice.ts';
import type { Welcome } from './Welcome.ts';

/**
 * What the joiner's UI or CLI shows while it waits in the invite room. `forged_welcome` is still
 * waiting: a welcome sealed to this joiner arrived but was not from the cell and coordinator the
 * code commits to (someone else holds the code), and was refused; the real coordinator's welcome
 * or notice may still come.
 */
export type JoinerState =
  | { readonly status: 'invalid_code'; readonly error: InviteCodeError }
  | {
      readonly status: 'waiting_for_approval' | 'forged_welcome';
      readonly requestId: Uint8Array;
    }
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
   * A welcome that openWelcome accepted AND that verifyWelcome accepted: from the cell and the
   * coordinator the code commits to (and, for a member, with a roster in which that coordinator
   * admitted this joiner through this invite). Never raise this for an unchecked welcome.
   */
  | {
      readonly type: 'welcome_verified';
      readonly welcome: Welcome;
      readonly coordinatorSignPk: Uint8Array;
    }
  /** A welcome that opened for this joiner but failed the code's commitment. */
  | { readonly type: 'welcome_forged' };
