/**
 * One side of the invite flow in its own process (driven by tests/integration/transport/
 * peerProcess.ts), over the project's rendezvous server: the invite room is its pub/sub alone, as
 * in the app and the CLI (node/transport/nodeSignalingSockets.ts), no WebRTC.
 * Commands:
 *   host {signaling}         creates a cell and an invite, hosts it; replies {code, coordinatorSignPk, cellId}
 *                            events: request {safetyWords, pseudonym}, host {type, ...} per host event
 *   approve / deny           answers the pending request
 *   join {code, timeoutMs}   runs joinWithCode with a fresh identity; emits identity {safetyWords}
 *                            first; replies with the outcome
 *   close                    closes the host
 *   resources                process.getActiveResourcesInfo()
 */
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import { hostInvite } from '../../../shared/join/hostInvite.ts';
import type { Decision, InviteHostHandle } from '../../../shared/join/InviteHost.ts';
import { JoinCounters } from '../../../shared/join/JoinCounters.ts';
import { joinWithCode } from '../../../shared/join/joinWithCode.ts';
import { nodeSignalingSockets } from '../../../node/transport/nodeSignalingSockets.ts';
import { identity, TestCell } from '../../unit/join/joinFixture.ts';
import { runPeerChild, type CommandArgs } from '../transport/runPeerChild.ts';

const transport = { sockets: nodeSignalingSockets() };
let handle: InviteHostHandle | undefined;
let answer: ((d: Decision) => void) | undefined;

const str = (args: CommandArgs, key: string): string => {
  const v = args[key];
  if (typeof v !== 'string') throw new Error(`${key} must be a string`);
  return v;
};

const child = runPeerChild({
  async host(args) {
    await sodiumReady();
    const cell = new TestCell([str(args, 'signaling')]);
    const invite = cell.invite('member', Date.now() + 60_000);
    const r = hostInvite({
      secret: invite.secret,
      cellId: cell.cellId,
      transport,
      signaling: cell.config.rendezvousUrls,
      inviteRecord: { role: invite.role, expiresAt: invite.expiresAt },
      now: () => Date.now(),
      decide: (request) =>
        new Promise<Decision>((resolve) => {
          answer = resolve;
          child.emit('request', {
            pseudonym: request.pseudonym,
            safetyWords: request.safetyWords.join(' '),
          });
        }),
      makeWelcome: cell.makeWelcome,
      signer: cell.coordinator,
    });
    if (!r.ok) throw new Error(r.error);
    handle = r.value;
    handle.onEvent((e) => child.emit('host', { type: e.type }));
    return {
      code: invite.code,
      coordinatorSignPk: toHex(cell.coordinator.signPk),
      cellId: toHex(cell.cellId),
    };
  },
  approve() {
    answer?.({ approve: true, historyAccess: false });
    return { answered: answer !== undefined };
  },
  deny() {
    answer?.({ approve: false });
    return { answered: answer !== undefined };
  },
  async join(args) {
    await sodiumReady();
    const me = identity('Olena');
    child.emit('identity', { safetyWords: safetyWords(me.signPk, me.boxPk).join(' ') });
    const states: string[] = [];
    const counters = new JoinCounters();
    const timeoutMs = typeof args.timeoutMs === 'number' ? args.timeoutMs : 20_000;
    const r = await joinWithCode({
      code: str(args, 'code'),
      transport,
      identity: me,
      pseudonym: me.pseudonym,
      timeoutMs,
      onState: (s) => states.push(s.status),
      counters,
    });
    if (!r.ok) return { joined: false, error: r.error, states, stats: counters.snapshot() };
    return {
      joined: true,
      states,
      stats: counters.snapshot(),
      coordinatorSignPk: toHex(r.value.coordinatorSignPk),
      coordinatorSafetyWords: r.value.coordinatorSafetyWords?.join(' '),
      cellId: toHex(r.value.welcome.cellId),
      variant: r.value.welcome.variant,
    };
  },
  close() {
    const stats = handle?.stats();
    handle?.close();
    return { stats };
  },
  resources: () => ({ resources: process.getActiveResourcesInfo() }),
});
