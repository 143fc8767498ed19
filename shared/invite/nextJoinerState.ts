import { bytesEqual } from '../crypto/bytes.ts';
import type { JoinerEvent, JoinerState } from './JoinerState.ts';

/**
 * The joiner's state machine. Notices are authenticated only by s, so they move only a waiting
 * joiner and only for its own request. A verified welcome is stronger evidence than any notice: it
 * wins from waiting and from denied/expired/revoked/used (another coordinator may have admitted
 * the joiner concurrently, or an interceptor holding s forged the notice). 'approved' and
 * 'invalid_code' are final.
 */
export function nextJoinerState(state: JoinerState, event: JoinerEvent): JoinerState {
  if (state.status === 'approved' || state.status === 'invalid_code') return state;
  if (event.type === 'welcome_verified')
    return {
      status: 'approved',
      welcome: event.welcome,
      coordinatorSignPk: event.coordinatorSignPk,
    };
  if (state.status !== 'waiting_for_approval') return state;
  if (!bytesEqual(event.notice.requestId, state.requestId)) return state;
  return { status: event.notice.kind, requestId: state.requestId };
}
