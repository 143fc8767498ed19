import { bytesEqual } from '../crypto/bytes.ts';
import type { JoinerEvent, JoinerState } from './JoinerState.ts';

/**
 * The joiner's state machine. Notices are authenticated only by s, so they move only a waiting
 * joiner (forged_welcome is waiting too) and only for its own request. A forged welcome moves a
 * waiting joiner to forged_welcome, which still waits. A verified welcome is stronger evidence
 * than any notice: it wins from waiting, forged_welcome and denied/expired/revoked/used (another
 * coordinator may have admitted the joiner concurrently, or an interceptor holding s forged the
 * notice). 'approved' and 'invalid_code' are final.
 */
export function nextJoinerState(state: JoinerState, event: JoinerEvent): JoinerState {
  if (state.status === 'approved' || state.status === 'invalid_code') return state;
  if (event.type === 'welcome_verified')
    return {
      status: 'approved',
      welcome: event.welcome,
      coordinatorSignPk: event.coordinatorSignPk,
    };
  if (state.status !== 'waiting_for_approval' && state.status !== 'forged_welcome') return state;
  if (event.type === 'welcome_forged')
    return state.status === 'forged_welcome'
      ? state
      : { status: 'forged_welcome', requestId: state.requestId };
  if (!bytesEqual(event.notice.requestId, state.requestId)) return state;
  return { status: event.notice.kind, requestId: state.requestId };
}
