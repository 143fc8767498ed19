/**
 * Runs hosts and joiners over the in-memory network in virtual time. Call after sodiumReady().
 */
import type { Identity } from '../../../shared/identity/createIdentity.ts';
import type { JoinerState } from '../../../shared/invite/JoinerState.ts';
import { hostInvite } from '../../../shared/join/hostInvite.ts';
import type {
  HostInviteOptions,
  InviteHostEvent,
  InviteHostHandle,
  JoinRequestView,
} from '../../../shared/join/InviteHost.ts';
import { JoinCounters } from '../../../shared/join/JoinCounters.ts';
import { joinWithCode } from '../../../shared/join/joinWithCode.ts';
import type {
  JoinError,
  JoinSuccess,
  JoinWithCodeOptions,
} from '../../../shared/join/JoinWithCodeOptions.ts';
import type { Result } from '../../../shared/util/result.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { prng } from '../../support/prng.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import {
  identity,
  spyTransport,
  type SpyTransport,
  type TestCell,
  type TestInvite,
} from './joinFixture.ts';

export const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

export interface World {
  readonly scheduler: VirtualScheduler;
  readonly net: MemoryNetwork;
  /** Lets pending promises settle, then runs virtual time forward by `ms`. */
  run(ms: number): Promise<void>;
}

export function world(seed = 7): World {
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, prng(seed), {
    drop: 0,
    duplicate: 0,
    minLatency: 5,
    maxLatency: 40,
    reconnectMs: 100,
  });
  return {
    scheduler,
    net,
    run: async (ms) => {
      await settle();
      await scheduler.advance(ms, settle);
    },
  };
}

export interface TestHost {
  readonly handle: InviteHostHandle;
  readonly transport: SpyTransport;
  /** Every request `decide` was asked about. */
  readonly asked: JoinRequestView[];
  readonly events: InviteHostEvent[];
}

/** A host that approves at once unless `decide` is given. */
export function startHost(
  w: World,
  cell: TestCell,
  invite: TestInvite,
  peer: number,
  overrides: Partial<HostInviteOptions> = {},
): TestHost {
  const asked: JoinRequestView[] = [];
  const events: InviteHostEvent[] = [];
  const transport = spyTransport(w.net.transportFor(peer));
  const decide =
    overrides.decide ?? (() => Promise.resolve({ approve: true, historyAccess: false }));
  const r = hostInvite({
    secret: invite.secret,
    cellId: cell.cellId,
    transport,
    signaling: cell.config.rendezvousUrls,
    inviteRecord: { role: invite.role, expiresAt: invite.expiresAt },
    now: () => w.scheduler.now(),
    makeWelcome: cell.makeWelcome,
    signer: cell.coordinator,
    ...overrides,
    decide: (req) => {
      asked.push(req);
      return decide(req);
    },
  });
  if (!r.ok) throw new Error(r.error);
  r.value.onEvent((e) => events.push(e));
  return { handle: r.value, transport, asked, events };
}

export interface TestJoiner {
  readonly id: Identity;
  readonly states: JoinerState[];
  readonly counters: JoinCounters;
  readonly transport: SpyTransport;
  readonly done: Promise<Result<JoinSuccess, JoinError>>;
  /** Undefined until joinWithCode has settled. */
  result(): Result<JoinSuccess, JoinError> | undefined;
}

export function startJoiner(
  w: World,
  code: string,
  peer: number,
  overrides: Partial<JoinWithCodeOptions> = {},
): TestJoiner {
  const id = identity('Olena');
  const states: JoinerState[] = [];
  const counters = new JoinCounters();
  const transport = spyTransport(w.net.transportFor(peer));
  let result: Result<JoinSuccess, JoinError> | undefined;
  const done = joinWithCode({
    code,
    transport,
    identity: id,
    pseudonym: id.pseudonym,
    timeoutMs: 60_000,
    onState: (s) => states.push(s),
    scheduler: w.scheduler,
    noticeGraceMs: 1_000,
    counters,
    ...overrides,
  });
  void done.then((r) => (result = r));
  return { id, states, counters, transport, done, result: () => result };
}

export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
