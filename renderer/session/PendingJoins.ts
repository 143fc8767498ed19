import { toHex } from '../../shared/crypto/bytes.ts';
import type { Decision, JoinRequestView } from '../../shared/join/InviteHost.ts';
import type { InviteRecord } from '../../shared/runtime/Keyring.ts';
import type { PendingJoin } from './CellSession.ts';

/**
 * Join requests waiting for this coordinator's answer (the Members screen's cards). Approving
 * means the coordinator ticked that the joiner read out exactly these words, which are derived
 * from the very keys the admit names: so the approval also marks the joiner as verified on this
 * device (`markVerified`), as comparing words on the member row would.
 */
export class PendingJoins {
  private readonly waiting = new Map<
    string,
    { readonly view: PendingJoin; readonly resolve: (d: Decision) => void }
  >();

  constructor(
    private readonly changed: () => void,
    private readonly markVerified: (signPkHex: string) => Promise<void>,
  ) {}

  /** InviteHosting's decide: shows the request and resolves with the coordinator's answer. */
  readonly decide = (request: JoinRequestView, invite: InviteRecord): Promise<Decision> =>
    new Promise((resolve) => {
      const requestIdHex = toHex(request.requestId);
      const settle = (d: Decision): void => {
        if (!this.waiting.has(requestIdHex)) return;
        this.waiting.delete(requestIdHex);
        resolve(d);
        this.changed();
      };
      this.waiting.set(requestIdHex, {
        resolve,
        view: {
          requestIdHex,
          pseudonym: request.pseudonym,
          safetyWords: request.safetyWords,
          role: invite.role,
          approve: (historyAccess) => {
            if (!this.waiting.has(requestIdHex)) return;
            // Kept even if the admit then fails: the words were compared with this key either way.
            this.markVerified(toHex(request.signPk)).catch(() => undefined);
            settle({ approve: true, historyAccess });
          },
          deny: () => settle({ approve: false }),
        },
      });
      this.changed();
    });

  views(): PendingJoin[] {
    return Array.from(this.waiting.values(), (p) => p.view);
  }

  /** The session closes: every open request is answered no. */
  denyAll(): void {
    for (const p of this.waiting.values()) p.resolve({ approve: false });
    this.waiting.clear();
  }
}
