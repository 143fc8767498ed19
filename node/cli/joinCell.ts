import { sodiumReady } from '../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../shared/identity/createIdentity.ts';
import { inviteTimeLeft } from '../../shared/invite/inviteTimeLeft.ts';
import { parseInviteCode } from '../../shared/invite/parseInviteCode.ts';
import type { Welcome } from '../../shared/invite/Welcome.ts';
import { joinWithCode } from '../../shared/join/joinWithCode.ts';
import type { InviteTransport } from '../../shared/join/InviteTransport.ts';
import type { JoinSuccess } from '../../shared/join/JoinWithCodeOptions.ts';
import { ok, type Result } from '../../shared/util/result.ts';
import { nodeSignalingSockets } from '../transport/nodeSignalingSockets.ts';
import type { CliIo } from './CliIo.ts';
import { failure, oneLine, type FailureKind } from './CommandResult.ts';

/** Words as typed: any case, separated by spaces, commas or dashes. */
const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[\s,;-]+/)
    .filter((w) => w !== '');

const sameWords = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((w, i) => w === b[i]);

/**
 * The joiner's half of the safety-word comparison, after the welcome was verified against the
 * code's commitment. The words go to stderr (stdout keeps only the cell id). With
 * `--confirm-words` they must equal the words given there; else a person at a terminal is asked;
 * else (a script) the join goes on, and stderr says the words were not compared.
 */
async function confirmCoordinator(
  joined: JoinSuccess,
  confirmWords: string | undefined,
  io: CliIo,
): Promise<Result<void, FailureKind>> {
  const words = joined.coordinatorSafetyWords;
  if (words === undefined) return ok(undefined); // a relay welcome: no roster, no words
  const name = oneLine(joined.coordinatorPseudonym ?? 'the coordinator');
  io.err(`safety words of ${name}, who admitted you: ${words.join(' ')}`);
  const nothingKept = 'nothing was kept; ask for a new code';
  if (confirmWords !== undefined) {
    if (sameWords(wordsOf(confirmWords), words)) return ok(undefined);
    return failure(
      'denied',
      `the safety words of ${name} differ from --confirm-words: ${nothingKept}`,
    );
  }
  if (io.ask !== undefined) {
    const answer = await io.ask(`Do these words match what ${name} reads to you? [y/N] `);
    if (answer !== undefined && /^\s*y(es)?\s*$/i.test(answer)) return ok(undefined);
    return failure('denied', `you did not confirm the safety words of ${name}: ${nothingKept}`);
  }
  io.err(
    `not compared (no --confirm-words, no terminal): the code's commitment checked the cell and ${name}'s key; compare the words with ${name} to rule out a swapped code`,
  );
  return ok(undefined);
}

/** "2026-12-08 16:31 UTC": the code's expiry is a whole minute. */
const utcMinute = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The code's validity by this machine's clock, before anything touches the network: a line on
 * stderr, or a failure for a code already past its expiry (the coordinator would refuse it; its
 * clock decides, so the wording says whose clock this is). A code that does not parse is left to
 * joinWithCode, which reports why.
 */
function checkValidity(code: string, now: number, io: CliIo): Result<void, FailureKind> {
  const parsed = parseInviteCode(code);
  if (!parsed.ok) return ok(undefined);
  parsed.value.secret.fill(0); // only the expiry is needed here; joinWithCode parses again
  const until = utcMinute(parsed.value.expiresAt);
  const left = inviteTimeLeft(parsed.value.expiresAt, now);
  if (left.status === 'expired')
    return failure(
      'denied',
      `this invite expired on ${until} (by this computer's clock): ask for a new one`,
    );
  const amount = `${String(left.count)} ${left.unit}${left.count === 1 ? '' : 's'}`;
  io.err(`invite valid until ${until}, about ${amount} left (by this computer's clock)`);
  return ok(undefined);
}

/**
 * Joins with an invite code under a fresh identity and waits until a coordinator admits us (or
 * refuses, or `timeoutMs` passes, or the process is asked to stop), then has the joiner compare
 * the admitting coordinator's safety words (confirmCoordinator). Prints the code's validity
 * first and refuses a code past its expiry (checkValidity). Exit codes: invalid code 2, an
 * expired code, denied/expired/revoked/used, a refused forgery or words not confirmed 3,
 * timeout 4.
 */
export async function joinCell(input: {
  readonly code: string;
  readonly pseudonym: string;
  readonly timeoutMs: number;
  /**
   * Where the invite room lives: by default the rendezvous pub/sub alone, so nobody holding the
   * code learns this machine's address (tests pass an in-memory one).
   */
  readonly transport?: InviteTransport;
  readonly io: CliIo;
  /** The coordinator's eight safety words, as they gave them; see confirmCoordinator. */
  readonly confirmWords?: string | undefined;
  /** The clock the code's expiry is compared with; Date.now by default. */
  readonly now?: () => number;
}): Promise<Result<{ welcome: Welcome; identity: Identity }, FailureKind>> {
  await sodiumReady();
  const valid = checkValidity(input.code, (input.now ?? Date.now)(), input.io);
  if (!valid.ok) return valid;
  const identity = createIdentity(input.pseudonym);
  if (!identity.ok) return failure('usage', `invalid pseudonym (${identity.error})`);
  const abort = new AbortController();
  const offStop = input.io.onStop(() => abort.abort());
  const joined = await joinWithCode({
    code: input.code,
    transport: input.transport ?? { sockets: nodeSignalingSockets() },
    identity: identity.value,
    pseudonym: identity.value.pseudonym,
    timeoutMs: input.timeoutMs,
    signal: abort.signal,
  });
  offStop();
  if (joined.ok) {
    const confirmed = await confirmCoordinator(joined.value, input.confirmWords, input.io);
    if (!confirmed.ok) return confirmed;
    return ok({ welcome: joined.value.welcome, identity: identity.value });
  }
  switch (joined.error) {
    case 'invalid_code':
      return joined.detail === 'outdated_version'
        ? failure('usage', 'this invite was made by an older Quire; ask for a new one')
        : failure('usage', 'not a valid invite code');
    case 'invalid_argument':
      return failure('usage', 'invalid pseudonym');
    case 'timeout':
      return failure('timeout', `not admitted within ${Math.round(input.timeoutMs / 1000)} s`);
    case 'forged_welcome':
      return failure(
        'denied',
        'refused an answer from someone else holding this code (another cell or another signer), and the coordinator did not answer in time: the code may have been intercepted; tell them',
      );
    case 'denied':
    case 'expired':
    case 'revoked':
    case 'used':
      return failure('denied', `the invite was ${joined.error}`);
    case 'cancelled':
      return failure('failed', 'stopped before admission');
    case 'transport':
      return failure('failed', 'could not reach the rendezvous server');
  }
}
