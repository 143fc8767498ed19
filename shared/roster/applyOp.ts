import type { GraphOp } from './buildOpGraph.ts';
import type { Role } from './RosterOp.ts';
import {
  currentEpoch,
  successorOf,
  type DepartureKind,
  type MemberState,
  type RosterState,
} from './RosterState.ts';

/** Open invites die with their inviter's departure or loss of the coordinator role. */
function killInvites(s: RosterState, inviter: string): void {
  for (const [id, inv] of s.invites)
    if (inv.inviter === inviter && inv.status === 'open')
      s.invites.set(id, { ...inv, status: 'dead' });
}

/** `who` leaves the roster; its open invites die. Also a rekey conflict's removal (replaySet). */
export function depart(s: RosterState, who: string, kind: DepartureKind, opId: string): void {
  const m = s.members.get(who);
  if (!m) return;
  s.members.delete(who);
  s.departed.set(who, { kind, opId, member: m, keyEpoch: m.keyEpoch, keyFrom: m.keyFrom });
  if (m.role === 'coordinator') s.coordinators--;
  killInvites(s, who);
}

function setRole(s: RosterState, who: string, role: Role, orderKey: string): void {
  const m = s.members.get(who);
  if (!m || m.role === role) return;
  const wasCoordinator = m.role === 'coordinator';
  const isCoordinator = role === 'coordinator';
  s.members.set(who, {
    ...m,
    role,
    coordinatorSince: isCoordinator ? orderKey : undefined,
  });
  if (wasCoordinator && !isCoordinator) {
    s.coordinators--;
    killInvites(s, who);
  } else if (isCoordinator && !wasCoordinator) s.coordinators++;
}

/** The genesis: its author becomes the first coordinator, epoch 0 begins. */
export function applyGenesis(s: RosterState, op: GraphOp): void {
  if (op.body.type !== 'genesis') return;
  const creator: MemberState = {
    signPk: op.author,
    boxPk: op.body.boxPk,
    identityBoxPk: op.body.boxPk,
    pseudonym: op.body.pseudonym,
    role: 'coordinator',
    admittedBy: null,
    joinedAt: op.opId,
    historyAccess: true,
    coordinatorSince: op.orderKey,
    keyEpoch: 0,
    keyFrom: op.opId,
  };
  s.genesisId = op.opId;
  s.cellName = op.body.cellName;
  s.members.set(op.authorHex, creator);
  s.coordinators = 1;
  s.epochs = [{ epoch: 0, rotateOpId: op.opId, recipients: [op.authorHex], rolesAtEnd: undefined }];
}

/** Applies an op that evaluateOp accepted. `past` is the roster the author saw. */
export function applyOp(s: RosterState, op: GraphOp, past: RosterState): void {
  const body = op.body;
  switch (body.type) {
    case 'genesis':
      return applyGenesis(s, op);
    case 'invite':
      s.invites.set(op.inviteIdHex ?? '', {
        role: body.role,
        expiresAt: body.expiresAt,
        inviter: op.authorHex,
        opId: op.opId,
        status: 'open',
      });
      return;
    case 'revoke-invite': {
      const id = op.inviteIdHex ?? '';
      const inv = s.invites.get(id);
      if (inv?.status === 'open') s.invites.set(id, { ...inv, status: 'revoked' });
      return;
    }
    case 'admit': {
      const id = op.inviteIdHex ?? '';
      const inv = s.invites.get(id);
      if (inv) s.invites.set(id, { ...inv, status: 'used' });
      s.members.set(op.subjectHex ?? '', {
        signPk: body.memberSignPk,
        boxPk: body.memberBoxPk,
        identityBoxPk: body.memberBoxPk,
        pseudonym: body.pseudonym,
        role: body.role,
        admittedBy: op.authorHex,
        joinedAt: op.opId,
        historyAccess: body.historyAccess,
        coordinatorSince: body.role === 'coordinator' ? op.orderKey : undefined,
        // The welcome carries the epoch key the admitting coordinator held.
        keyEpoch: currentEpoch(past),
        keyFrom: past.epochs[currentEpoch(past)]?.rotateOpId ?? '',
      });
      if (body.role === 'coordinator') s.coordinators++;
      return;
    }
    case 'remove':
      return depart(s, op.subjectHex ?? '', 'removed', op.opId);
    case 'set-role':
      // A role change concurrent with the target's rekey follows the person to the new keys.
      return setRole(s, successorOf(s, op.subjectHex ?? ''), body.role, op.orderKey);
    case 'rotate': {
      const last = s.epochs[s.epochs.length - 1];
      if (last) {
        const roles = new Map<string, Role>();
        for (const [k, m] of s.members) roles.set(k, m.role);
        s.epochs[s.epochs.length - 1] = { ...last, rolesAtEnd: roles };
      }
      const recipients = op.recipientsHex;
      s.epochs.push({
        epoch: body.newEpoch,
        rotateOpId: op.opId,
        recipients,
        rolesAtEnd: undefined,
      });
      for (const r of recipients) {
        const m = s.members.get(r);
        if (m) s.members.set(r, { ...m, keyEpoch: body.newEpoch, keyFrom: op.opId });
        const d = s.departed.get(r);
        // A rotate concurrent with a removal still sealed the new key to the removed: a leak.
        if (d) s.departed.set(r, { ...d, keyEpoch: body.newEpoch, keyFrom: op.opId });
      }
      return;
    }
    case 'leave':
      return depart(s, op.authorHex, 'left', op.opId);
    case 'rename': {
      const m = s.members.get(op.authorHex);
      if (m) s.members.set(op.authorHex, { ...m, pseudonym: body.pseudonym });
      return;
    }
    case 'rekey': {
      // The same person on fresh keys: pseudonym, role, seniority, history access, admittedBy and
      // the epoch key they hold carry over. The old identity departs (its later ops and writes
      // are refused) and its open invites die: their secrets were on the device too.
      const m = s.members.get(op.authorHex);
      const next = op.subjectHex ?? '';
      if (!m) return;
      s.members.delete(op.authorHex);
      s.departed.set(op.authorHex, {
        kind: 'rekeyed',
        opId: op.opId,
        successor: next,
        member: m,
        keyEpoch: m.keyEpoch,
        keyFrom: m.keyFrom,
      });
      s.members.set(next, {
        ...m,
        signPk: body.newSignPk,
        boxPk: body.newBoxPk,
        identityBoxPk: body.newBoxPk,
      });
      killInvites(s, op.authorHex);
      return;
    }
    case 'rebox': {
      // Later rotates seal to the new key; the identity and everything else stay.
      const m = s.members.get(op.authorHex);
      if (m) s.members.set(op.authorHex, { ...m, boxPk: body.newBoxPk });
      return;
    }
  }
}
