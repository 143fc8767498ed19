import type { CellContext } from './CellContext.ts';
import { evictJunk } from './evictJunk.ts';
import { isRelayNotice, isRelayNoticeKey, MAX_RELAY_NOTICES_PER_SCOPE } from './relayNotice.ts';
import type { WireScope } from './WireScope.ts';

/**
 * A rotation notice for a blind relay (relayNotice.ts): never opened here, only kept and
 * re-served, so a relay that was offline during the rotation still finds it; bounded per scope.
 * Returns the bytes to keep, or undefined if refused.
 */
export function keepRelayNotice(
  ctx: CellContext,
  scope: WireScope,
  key: string,
  value: unknown,
): Uint8Array | undefined {
  let held = 0;
  if (!scope.kept.has(key)) for (const k of scope.kept.keys()) if (isRelayNoticeKey(k)) held++;
  if (!isRelayNotice(key, value) || held >= MAX_RELAY_NOTICES_PER_SCOPE) {
    if (scope.status.get(key) !== 'retry') ctx.diagnostics.reject('malformed');
    // Neither kept nor re-served (evictJunk); 'retry' if left: a squatter's bytes under a
    // notice's id must not block the real bytes later.
    if (!evictJunk(ctx, scope, key, value)) scope.status.set(key, 'retry');
    return undefined;
  }
  scope.status.set(key, 'applied');
  return value;
}
