import { bytesEqual } from '../crypto/bytes.ts';
import { sodiumReady } from '../crypto/sodium.ts';
import { deriveInviteSecrets } from '../invite/deriveInviteSecrets.ts';
import type { JoinerEvent, JoinerState } from '../invite/JoinerState.ts';
import { nextJoinerState } from '../invite/nextJoinerState.ts';
import { openInviteNotice } from '../invite/openInviteNotice.ts';
import { openWelcome } from '../invite/openWelcome.ts';
import { parseInviteCode } from '../invite/parseInviteCode.ts';
import { sealJoinRequest } from '../invite/sealJoinRequest.ts';
import { realScheduler } from '../sync/Scheduler.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { InviteRoom } from './InviteRoom.ts';
import { JoinCounters } from './JoinCounters.ts';
import type { JoinError, JoinSuccess, JoinWithCodeOptions } from './JoinWithCodeOptions.ts';
import { openInviteRoom } from './openInviteRoom.ts';
import { verifyWelcome, type VerifiedWelcome } from './verifyWelcome.ts';

export const DEFAULT_NOTICE_GRACE_MS = 5_000;

type JoinResult = Result<JoinSuccess, JoinError>;

/**
 * Joiner side of the invite room (docs/PROTOCOL.md §10.9): parse the code (nothing touches the
 * network for a bad one), join the room on the code's rendezvous URLs, publish one sealed join
 * request (kept in the wire doc: put back if a peer removes it), then wait for a notice naming
 * it or a welcome that opens with this identity and passes verifyWelcome against the code's
 * commitment, driving nextJoinerState. A welcome that fails the commitment is refused and
 * reported (forged_welcome) without ending the wait. The room is closed on every exit, before the
 * promise settles.
 */
export async function joinWithCode(o: JoinWithCodeOptions): Promise<JoinResult> {
  const report = (state: JoinerState): void => {
    try {
      o.onState?.(state);
    } catch {
      // The caller's UI bug must not stop the join.
    }
  };
  const parsed = parseInviteCode(o.code);
  if (!parsed.ok) {
    report({ status: 'invalid_code', error: parsed.error });
    return err('invalid_code', parsed.error);
  }
  await sodiumReady();
  const scheduler = o.scheduler ?? realScheduler;
  const { signPk, signSk, boxPk, boxSk } = o.identity;
  const secrets = deriveInviteSecrets(parsed.value.secret);
  const { inviteId, inviteKey } = secrets;
  const request = sealJoinRequest({
    inviteId,
    inviteKey,
    signPk,
    signSk,
    boxPk,
    pseudonym: o.pseudonym,
    createdAt: Math.max(0, Math.floor(scheduler.now())),
  });
  if (!request.ok) return err('invalid_argument', request.detail);
  if (o.signal?.aborted === true) return err('cancelled');
  const { requestId } = request.value;
  const counters = o.counters ?? new JoinCounters();

  return new Promise<JoinResult>((resolve) => {
    let state: JoinerState = { status: 'waiting_for_approval', requestId };
    const held: { room?: InviteRoom } = {};
    let done = false;
    let grace: unknown;

    const finish = (result: JoinResult): void => {
      if (done) return;
      done = true;
      scheduler.clearTimeout(timeout);
      if (grace !== undefined) scheduler.clearTimeout(grace);
      o.signal?.removeEventListener('abort', onAbort);
      // Not inside a Yjs observer: close, then settle, so the caller never sees an open room.
      queueMicrotask(() => {
        held.room?.close();
        resolve(result);
      });
    };
    /**
     * A notice state, or forged_welcome, if one was reached (more telling than a timeout), else
     * `fallback`.
     */
    const noticeOr = (fallback: JoinError): JoinResult =>
      state.status === 'waiting_for_approval' || state.status === 'approved'
        ? err(fallback)
        : err(state.status);
    const onAbort = (): void => finish(err('cancelled'));
    const timeout = scheduler.setTimeout(() => finish(noticeOr('timeout')), o.timeoutMs);

    const step = (event: JoinerEvent, verified?: VerifiedWelcome): void => {
      const next = nextJoinerState(state, event);
      if (next === state) return;
      state = next;
      report(next);
      if (next.status === 'approved' && verified !== undefined) {
        finish(ok({ ...verified, requestId }));
      } else if (next.status === 'forged_welcome') {
        // Keep waiting for the real coordinator (who may still be comparing words) until the
        // timeout: ending here would let whoever holds the code stop every join with it.
      } else if (next.status !== 'approved' && grace === undefined) {
        grace = scheduler.setTimeout(
          () => finish(noticeOr('timeout')),
          o.noticeGraceMs ?? DEFAULT_NOTICE_GRACE_MS,
        );
      }
    };

    const opened = openInviteRoom({
      transport: o.transport,
      secrets,
      signaling: parsed.value.rendezvousUrls,
      ...(o.iceServers === undefined ? {} : { iceServers: o.iceServers }),
      ...(o.relayOnly === undefined ? {} : { relayOnly: o.relayOnly }),
      accept: ['notice', 'welcome'],
      counters,
      onMessage: (message) => {
        if (done) return;
        if (message.kind === 'notice') {
          const notice = openInviteNotice(message.body, inviteKey, inviteId);
          if (!notice.ok) return counters.drop(`notice.${notice.error}`);
          if (!bytesEqual(notice.value.requestId, requestId)) counters.otherNotices++;
          return step({ type: 'notice', notice: notice.value });
        }
        const welcome = openWelcome(message.body, { signPk, boxPk, boxSk }, inviteId);
        if (!welcome.ok) return counters.drop(`welcome.${welcome.error}`);
        const verified = verifyWelcome(welcome.value, parsed.value);
        if (!verified.ok) {
          counters.drop(`welcome.${verified.error}`);
          if (verified.error === 'commitment_mismatch') step({ type: 'welcome_forged' });
          return;
        }
        const { welcome: w, coordinatorSignPk } = verified.value;
        step({ type: 'welcome_verified', welcome: w, coordinatorSignPk }, verified.value);
      },
    });
    if (!opened.ok) return finish(err('transport', opened.detail));
    held.room = opened.value;
    o.signal?.addEventListener('abort', onAbort);
    held.room.publish({ kind: 'join_request', body: request.value.bytes });
    report(state);
  });
}
