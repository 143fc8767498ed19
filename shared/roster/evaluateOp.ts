import type { GraphOp } from './buildOpGraph.ts';
import type { RosterRejectReason } from './Roster.ts';
import type { RosterOpType } from './RosterOp.ts';
import { pseudonymTaken } from './pseudonymTaken.ts';
import { currentEpoch, successorOf, type RosterState } from './RosterState.ts';

export type Verdict = 'ok' | RosterRejectReason;

/** Ops only a coordinator may author; everyone on the roster may rename and leave. */
export const GOVERNANCE: ReadonlySet<RosterOpType> = new Set([
  'invite',
  'revoke-invite',
  'admit',
  'remove',
  'set-role',
  'rotate',
]);

export interface EvaluateContext {
  /** A counted departure (or demotion) of `inviter` concurrent with `op`: the invite died. */
  inviterGoneConcurrently(inviter: string, op: GraphOp): boolean;
}

export const NO_CONCURRENCY: EvaluateContext = { inviterGoneConcurrently: () => false };

/** Is `author` on the roster (and a coordinator, for governance ops) in state `s`? */
export function authorize(s: RosterState, author: string, governance: boolean): Verdict {
  if (s.departed.has(author)) return 'removed_author';
  const m = s.members.get(author);
  if (!m) return 'not_member';
  if (governance && m.role !== 'coordinator') return 'not_coordinator';
  return 'ok';
}

/** Would this identity's departure or demotion leave the cell without a coordinator? */
function lastCoordinator(s: RosterState, who: string, newRole?: string): boolean {
  return (
    s.members.get(who)?.role === 'coordinator' && newRole !== 'coordinator' && s.coordinators <= 1
  );
}

/**
 * Does `op` count? `past` is the roster of its causal past (what the author saw), `cur` the
 * replay state just before it. The author must hold the role in both; invites are judged by what
 * the admitting coordinator saw, except that a concurrent use or inviter removal still voids them.
 */
export function evaluateOp(
  op: GraphOp,
  past: RosterState,
  cur: RosterState,
  ctx: EvaluateContext,
): Verdict {
  const a = op.authorHex;
  const body = op.body;
  const governance = GOVERNANCE.has(body.type);
  const inPast = authorize(past, a, governance);
  if (inPast !== 'ok') return inPast;
  const inCur = authorize(cur, a, governance);
  if (inCur !== 'ok') return inCur;
  switch (body.type) {
    case 'genesis':
      return 'duplicate'; // the genesis is applied before any replay; it cannot recur
    case 'invite': {
      const id = op.inviteIdHex ?? '';
      return past.invites.has(id) || cur.invites.has(id) ? 'duplicate' : 'ok';
    }
    case 'revoke-invite': {
      const id = op.inviteIdHex ?? '';
      const p = past.invites.get(id);
      if (!p) return 'invite_unknown';
      if (p.status !== 'open') return STATUS_REASON[p.status];
      return cur.invites.has(id) ? 'ok' : 'invite_unknown';
    }
    case 'admit': {
      if (op.admitProblem) return op.admitProblem;
      const id = op.inviteIdHex ?? '';
      const p = past.invites.get(id);
      if (!p) return 'invite_unknown';
      if (p.status !== 'open') return STATUS_REASON[p.status];
      if (body.admittedAt > p.expiresAt) return 'invite_expired';
      if (body.role !== p.role) return 'role_mismatch';
      const m = op.subjectHex ?? '';
      if (past.members.has(m)) return 'already_member';
      if (past.departed.has(m)) return 'member_departed';
      const c = cur.invites.get(id);
      if (!c) return 'invite_unknown';
      // A revocation counts only in the admit's causal past; a concurrent one loses to the admit.
      if (c.status === 'used' || c.status === 'dead') return STATUS_REASON[c.status];
      if (ctx.inviterGoneConcurrently(c.inviter, op)) return 'inviter_removed';
      if (cur.members.has(m)) return 'already_member';
      if (cur.departed.has(m)) return 'member_departed';
      // Judged on the replay state: of two concurrent claims to one name, the first replayed counts.
      if (body.role !== 'relay' && pseudonymTaken(cur, body.pseudonym, m)) return 'pseudonym_taken';
      return 'ok';
    }
    case 'remove': {
      const t = op.subjectHex ?? '';
      // Already gone in the replay (a concurrent removal): counts, changes nothing.
      return t === a || !past.members.has(t) ? 'invalid_target' : 'ok';
    }
    case 'set-role': {
      const t = op.subjectHex ?? '';
      const from = past.members.get(t)?.role;
      if (!from) return 'invalid_target';
      // A relay is a transport-only identity: turning a member into one would leave K_e with a
      // relay, and a relay turned member would lack keys and history. Admit a new identity.
      if ((from === 'relay') !== (body.role === 'relay')) return 'role_mismatch';
      if (
        lastCoordinator(past, t, body.role) ||
        lastCoordinator(cur, successorOf(cur, t), body.role)
      )
        return 'last_coordinator';
      return 'ok';
    }
    case 'rotate': {
      if (body.newEpoch !== currentEpoch(past) + 1 || body.newEpoch !== currentEpoch(cur) + 1)
        return 'stale_epoch';
      // Exactly everyone the author knew, each with the secret its role may hold: leaving someone
      // out would be a silent removal, and a relay must never receive K_e.
      if (body.wraps.length !== past.members.size) return 'bad_recipients';
      for (const [i, w] of body.wraps.entries()) {
        const role = past.members.get(op.recipientsHex[i] ?? '')?.role;
        if (!role || (role === 'relay') !== (w.kind === 'relay')) return 'bad_recipients';
      }
      return 'ok';
    }
    case 'leave':
      return lastCoordinator(past, a) || lastCoordinator(cur, a) ? 'last_coordinator' : 'ok';
    case 'rename':
      return cur.members.get(a)?.role !== 'relay' && pseudonymTaken(cur, body.pseudonym, a)
        ? 'pseudonym_taken'
        : 'ok';
    case 'rekey': {
      if (op.admitProblem) return op.admitProblem;
      // A relay holds no content key; a compromised relay is removed and a new one admitted.
      if (past.members.get(a)?.role === 'relay') return 'role_mismatch';
      const next = op.subjectHex ?? '';
      for (const s of [past, cur]) {
        if (s.members.has(next)) return 'already_member';
        if (s.departed.has(next)) return 'member_departed';
      }
      return 'ok';
    }
    case 'rebox':
      if (op.admitProblem) return op.admitProblem;
      // A relay's box key opens transport roots only; a compromised relay is replaced.
      return past.members.get(a)?.role === 'relay' || cur.members.get(a)?.role === 'relay'
        ? 'role_mismatch'
        : 'ok';
  }
}

const STATUS_REASON = {
  used: 'invite_used',
  revoked: 'invite_revoked',
  dead: 'inviter_removed',
  open: 'ok',
} as const;
