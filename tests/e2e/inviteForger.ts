/**
 * The interceptor of issue 13 item 1, driven from Node: it holds an intercepted invite code, runs
 * a cell it made up (the same cell name, a coordinator under the real one's pseudonym) with the
 * code's invite registered as its own, and hosts the code's invite room on the rendezvous server
 * exactly as a coordinator's app would, approving at once. Its welcome is genuine in every way
 * but one: the code commits to another cell and coordinator.
 */
import { sodiumReady } from '../../shared/crypto/sodium.ts';
import { deriveInviteSecrets } from '../../shared/invite/deriveInviteSecrets.ts';
import { parseInviteCode } from '../../shared/invite/parseInviteCode.ts';
import { hostInvite } from '../../shared/join/hostInvite.ts';
import type { InviteHostHandle } from '../../shared/join/InviteHost.ts';
import { nodeSignalingSockets } from '../../node/transport/nodeSignalingSockets.ts';
import { TestCell } from '../unit/join/joinFixture.ts';

export interface Forger {
  /** Resolves once the forger has sent its welcome to a joiner. */
  readonly welcomed: Promise<void>;
  close(): void;
}

export async function forgeCellFor(code: string, coordinatorPseudonym: string): Promise<Forger> {
  await sodiumReady();
  const parsed = parseInviteCode(code);
  if (!parsed.ok) throw new Error(`not a code: ${parsed.error}`);
  // The forger copies the code's expiry into its made-up roster, as a careful forger would.
  const { secret, rendezvousUrls, expiresAt } = parsed.value;
  const forged = new TestCell(rendezvousUrls, coordinatorPseudonym);
  forged.post({
    type: 'invite',
    inviteId: deriveInviteSecrets(secret).inviteId,
    role: 'member',
    expiresAt,
  });
  const hosted = hostInvite({
    secret,
    cellId: forged.cellId,
    transport: { sockets: nodeSignalingSockets() },
    signaling: rendezvousUrls,
    inviteRecord: { role: 'member', expiresAt },
    now: () => Date.now(),
    decide: () => Promise.resolve({ approve: true, historyAccess: true }),
    makeWelcome: forged.makeWelcome,
    signer: forged.coordinator,
  });
  if (!hosted.ok) throw new Error(`the forger could not host: ${hosted.error}`);
  const handle: InviteHostHandle = hosted.value;
  const welcomed = new Promise<void>((resolve) => {
    handle.onEvent((e) => {
      if (e.type === 'answered' && e.answer === 'welcome') resolve();
    });
  });
  return { welcomed, close: () => handle.close() };
}
