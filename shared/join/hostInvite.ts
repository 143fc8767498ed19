import { bytesEqual, toHex } from '../crypto/bytes.ts';
import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { SIGN_PUBLIC_BYTES, SIGN_SECRET_BYTES } from '../crypto/signDetached.ts';
import { safetyWords } from '../identity/safetyWords.ts';
import { deriveInviteSecrets } from '../invite/deriveInviteSecrets.ts';
import { inviteCommitment } from '../invite/inviteCommitment.ts';
import { INVITE_SECRET_BYTES } from '../invite/inviteCodeFormat.ts';
import type { InviteNoticeKind } from '../invite/InviteNotice.ts';
import type { JoinRequest } from '../invite/JoinRequest.ts';
import { openJoinRequest } from '../invite/openJoinRequest.ts';
import { sealInviteNotice } from '../invite/sealInviteNotice.ts';
import { sealWelcome } from '../invite/sealWelcome.ts';
import type { Welcome } from '../invite/Welcome.ts';
import { err, ok, type Result } from '../util/result.ts';
import { admitBodyFor } from './admitBodyFor.ts';
import type {
  AdmitFailure,
  Decision,
  HostInviteOptions,
  InviteAnswer,
  InviteHostEvent,
  InviteHostHandle,
  JoinRequestView,
  MadeWelcome,
} from './InviteHost.ts';
import { JoinCounters } from './JoinCounters.ts';
import { openInviteRoom } from './openInviteRoom.ts';
import { verifyWelcome } from './verifyWelcome.ts';

export const DEFAULT_MAX_REQUESTS = 32;

/** One joiner (by signing key): the request first shown, every requestId it used, the answer. */
interface Joiner {
  readonly request: JoinRequest;
  readonly view: JoinRequestView;
  readonly requestIds: Uint8Array[];
  answer: InviteAnswer | undefined;
}

const keysMatch = (w: Welcome, q: JoinRequest): boolean =>
  bytesEqual(w.joinerSignPk, q.signPk) && bytesEqual(w.joinerBoxPk, q.boxPk);

/**
 * Coordinator side of the invite room (docs/PROTOCOL.md §10.9): opens each join request with the
 * invite key, shows each joiner once (`decide`), and answers it: a welcome sealed to the joiner
 * after `makeWelcome` has posted the admit op, or a notice (denied; expired by this coordinator's
 * clock; used once the single-use invite is spent; revoked after `retire`). Admissions are
 * serialised, so makeWelcome runs at most once per invite. Requires sodiumReady().
 */
export function hostInvite(
  o: HostInviteOptions,
): Result<InviteHostHandle, 'invalid_argument' | 'transport'> {
  if (o.secret.length !== INVITE_SECRET_BYTES) return err('invalid_argument', 'secret');
  const { signPk, signSk } = o.signer;
  if (
    signPk.length !== SIGN_PUBLIC_BYTES ||
    signSk.length !== SIGN_SECRET_BYTES ||
    !bytesEqual(signSk.subarray(SIGN_SECRET_BYTES - SIGN_PUBLIC_BYTES), signPk)
  )
    return err('invalid_argument', 'signer');
  if (o.cellId.length !== CELL_ID_BYTES) return err('invalid_argument', 'cellId');
  const secrets = deriveInviteSecrets(o.secret);
  const code = { secret: o.secret, commitment: inviteCommitment(o.secret, o.cellId, signPk) };
  const { inviteId, inviteKey } = secrets;
  const { role, expiresAt } = o.inviteRecord;
  const maxRequests = o.maxRequests ?? DEFAULT_MAX_REQUESTS;
  const counters = new JoinCounters();
  const joiners = new Map<string, Joiner>();
  const listeners = new Set<(event: InviteHostEvent) => void>();
  let used = false;
  let retired: 'revoked' | 'used' | undefined;
  let closed = false;
  let admissions: Promise<void> = Promise.resolve();

  const emit = (event: InviteHostEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // A UI listener's bug must not stop the protocol.
      }
    }
  };
  const now = (): number => Math.max(0, Math.floor(o.now()));
  const refusal = (): InviteNoticeKind | undefined =>
    retired ?? (used ? 'used' : now() > expiresAt ? 'expired' : undefined);

  const opened = openInviteRoom({
    transport: o.transport,
    secrets,
    signaling: o.signaling,
    ...(o.iceServers === undefined ? {} : { iceServers: o.iceServers }),
    ...(o.relayOnly === undefined ? {} : { relayOnly: o.relayOnly }),
    accept: ['join_request'],
    counters,
    onMessage: (message) => {
      const q = openJoinRequest(message.body, inviteKey, inviteId);
      if (!q.ok) counters.drop(`request.${q.error}`);
      else onRequest(q.value);
    },
  });
  if (!opened.ok) return opened;
  const room = opened.value;

  const notify = (requestId: Uint8Array, kind: InviteNoticeKind): void => {
    const sealed = sealInviteNotice({ kind, requestId, issuedAt: now() }, inviteKey, inviteId);
    if (sealed.ok) room.publish({ kind: 'notice', body: sealed.value });
  };

  const answer = (j: Joiner, kind: InviteNoticeKind): void => {
    j.answer = kind;
    for (const id of j.requestIds) notify(id, kind);
    emit({
      type: 'answered',
      requestId: j.request.requestId,
      signPk: j.request.signPk,
      answer: kind,
    });
  };

  const answerWaiting = (kind: InviteNoticeKind, except?: Joiner): void => {
    for (const j of joiners.values()) if (j.answer === undefined && j !== except) answer(j, kind);
  };

  const fail = (j: Joiner, reason: AdmitFailure, detail?: string): void => {
    emit({
      type: 'admit_failed',
      requestId: j.request.requestId,
      reason,
      ...(detail === undefined ? {} : { detail }),
    });
  };

  function onRequest(q: JoinRequest): void {
    const key = toHex(q.signPk);
    const known = joiners.get(key);
    if (known !== undefined) {
      // The same joiner again (a retry with a new requestId): same answer, shown once.
      counters.duplicates++;
      if (known.requestIds.some((id) => bytesEqual(id, q.requestId))) return;
      known.requestIds.push(q.requestId);
      if (known.answer !== undefined && known.answer !== 'welcome')
        notify(q.requestId, known.answer);
      return;
    }
    if (joiners.size >= maxRequests) return counters.drop('request.too_many');
    const view: JoinRequestView = {
      requestId: q.requestId,
      pseudonym: q.pseudonym,
      signPk: q.signPk,
      boxPk: q.boxPk,
      safetyWords: safetyWords(q.signPk, q.boxPk),
    };
    const j: Joiner = { request: q, view, requestIds: [q.requestId], answer: undefined };
    joiners.set(key, j);
    emit({ type: 'request', request: view });
    const refused = refusal();
    if (refused !== undefined) return answer(j, refused);
    void consider(j);
  }

  async function consider(j: Joiner): Promise<void> {
    let decision: Decision;
    try {
      decision = await o.decide(j.view);
    } catch (e) {
      if (!closed && j.answer === undefined) fail(j, 'callback_failed', String(e));
      return;
    }
    if (closed || j.answer !== undefined) return;
    if (!decision.approve) return answer(j, 'denied');
    const { historyAccess } = decision;
    // One admission at a time; a bug in one must not block the next.
    admissions = admissions.then(() => admit(j, historyAccess)).catch(() => undefined);
    await admissions;
  }

  async function admit(j: Joiner, historyAccess: boolean): Promise<void> {
    if (closed || j.answer !== undefined) return;
    const refused = refusal();
    if (refused !== undefined) return answer(j, refused);
    const body = admitBodyFor(j.request, inviteId, role, historyAccess, now());
    let made: MadeWelcome | undefined;
    try {
      made = await o.makeWelcome(j.view, { historyAccess, admit: body });
    } catch (e) {
      return fail(j, 'callback_failed', String(e));
    }
    if (made === undefined) return fail(j, 'no_welcome');
    // The admit op is posted: the invite is spent, whatever happens to this welcome.
    used = true;
    if (closed) return;
    const problem = checkMade(made, j.request);
    const sealed =
      problem === undefined ? sealWelcome(made.welcome, o.signer, inviteId) : undefined;
    if (sealed === undefined) fail(j, 'welcome_mismatch', problem);
    else if (!sealed.ok) fail(j, 'seal_failed', sealed.error);
    else {
      room.publish({ kind: 'welcome', body: sealed.value });
      j.answer = 'welcome';
      emit({
        type: 'answered',
        requestId: j.request.requestId,
        signPk: j.request.signPk,
        answer: 'welcome',
      });
    }
    // A joiner whose welcome failed is left unanswered: 'used' would read as interception.
    answerWaiting('used', j);
  }

  /** The joiner's own checks, run before sending: a welcome it would refuse is a caller bug. */
  function checkMade(made: MadeWelcome, q: JoinRequest): string | undefined {
    const w = made.welcome;
    if (!keysMatch(w, q)) return 'welcome names other keys';
    if ((w.variant === 'relay') !== (role === 'relay'))
      return `a ${w.variant} welcome for a ${role}`;
    const verified = verifyWelcome({ welcome: w, coordinatorSignPk: signPk }, code);
    return verified.ok ? undefined : verified.error;
  }

  return ok({
    state: () =>
      closed ? 'closed' : (retired ?? (used ? 'used' : now() > expiresAt ? 'expired' : 'open')),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retire(kind) {
      if (closed) return;
      retired ??= kind;
      answerWaiting(retired);
    },
    stats: () => counters.snapshot(),
    roomStatus: () => room.status(),
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      room.close();
    },
  });
}
