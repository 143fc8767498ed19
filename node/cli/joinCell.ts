import { sodiumReady } from '../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../shared/identity/createIdentity.ts';
import type { Welcome } from '../../shared/invite/Welcome.ts';
import { joinWithCode } from '../../shared/join/joinWithCode.ts';
import type { Transport } from '../../shared/transport/Transport.ts';
import { ok, type Result } from '../../shared/util/result.ts';
import type { CliIo } from './CliIo.ts';
import { failure, type FailureKind } from './CommandResult.ts';

/**
 * Joins with an invite code under a fresh identity and waits until a coordinator admits us (or
 * refuses, or `timeoutMs` passes, or the process is asked to stop). Exit codes: invalid code 2,
 * denied/expired/revoked/used 3, timeout 4.
 */
export async function joinCell(input: {
  readonly code: string;
  readonly pseudonym: string;
  readonly timeoutMs: number;
  readonly transport: Transport;
  readonly io: CliIo;
}): Promise<Result<{ welcome: Welcome; identity: Identity }, FailureKind>> {
  await sodiumReady();
  const identity = createIdentity(input.pseudonym);
  if (!identity.ok) return failure('usage', `invalid pseudonym (${identity.error})`);
  const abort = new AbortController();
  const offStop = input.io.onStop(() => abort.abort());
  const joined = await joinWithCode({
    code: input.code,
    transport: input.transport,
    identity: identity.value,
    pseudonym: identity.value.pseudonym,
    timeoutMs: input.timeoutMs,
    signal: abort.signal,
  });
  offStop();
  if (joined.ok) return ok({ welcome: joined.value.welcome, identity: identity.value });
  switch (joined.error) {
    case 'invalid_code':
      return failure('usage', 'not a valid invite code');
    case 'invalid_argument':
      return failure('usage', 'invalid pseudonym');
    case 'timeout':
      return failure('timeout', `not admitted within ${Math.round(input.timeoutMs / 1000)} s`);
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
