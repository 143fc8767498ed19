import type { CellContext } from './CellContext.ts';
import { evictJunk } from './evictJunk.ts';
import {
  isMemberNotice,
  isMemberNoticeKey,
  MAX_MEMBER_NOTICE_BYTES_PER_SCOPE,
  MAX_MEMBER_NOTICES_PER_SCOPE,
} from './memberNotice.ts';
import type { WireScope } from './WireScope.ts';

/**
 * A `member/` entry (memberNotice.ts): kept and re-served like a relay notice, so a member who was
 * offline when it was posted still finds it, bounded per wire doc; handed to the runtime, which
 * tries to open it with its own box key. Returns the bytes to keep, or undefined if refused.
 */
export function keepMemberNotice(
  ctx: CellContext,
  scope: WireScope,
  key: string,
  value: unknown,
): Uint8Array | undefined {
  let held = 0;
  let bytes = 0;
  if (!scope.kept.has(key))
    for (const [k, v] of scope.kept)
      if (isMemberNoticeKey(k)) {
        held++;
        bytes += v.length;
      }
  const full =
    held >= MAX_MEMBER_NOTICES_PER_SCOPE ||
    (value instanceof Uint8Array && bytes + value.length > MAX_MEMBER_NOTICE_BYTES_PER_SCOPE);
  if (!isMemberNotice(key, value) || full) {
    if (scope.status.get(key) !== 'retry') ctx.diagnostics.reject('malformed');
    // Neither kept nor re-served (evictJunk); 'retry' if left: a squatter's bytes under a
    // notice's id must not block the real bytes later.
    if (!evictJunk(ctx, scope, key, value)) scope.status.set(key, 'retry');
    return undefined;
  }
  scope.status.set(key, 'applied');
  ctx.opts.onMemberNotice?.(value);
  return value;
}
