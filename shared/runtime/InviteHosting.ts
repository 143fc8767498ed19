import { fromHex, toHex } from '../crypto/bytes.ts';
import { deriveInviteSecrets } from '../invite/deriveInviteSecrets.ts';
import { hostInvite } from '../join/hostInvite.ts';
import type { Decision, InviteHostHandle, JoinRequestView } from '../join/InviteHost.ts';
import type { RendezvousInvites } from '../join/InviteTransport.ts';
import type { CellRuntime } from './CellRuntime.ts';
import { admitJoiner } from './cellGovernance.ts';
import type { InviteRecord } from './Keyring.ts';

/** Decides one join request (the coordinator's UI, or --approve-all in the CLI). */
export type DecideJoin = (request: JoinRequestView, invite: InviteRecord) => Promise<Decision>;

/** How long a spent invite's room stays joined so its joiner can still read the answer. */
const LINGER_MS = 60_000;

/**
 * Hosts every open invite this device created, while the cell is open and we are a coordinator:
 * one invite room each (shared/join/hostInvite), on the rendezvous pub/sub alone: nobody holding
 * a code gets a connection to this device. An approval posts `admit` through the cell and answers
 * with the welcome; invites the roster marks used, revoked or dead are retired.
 */
export class InviteHosting {
  private readonly hosts = new Map<string, InviteHostHandle>();
  /** Retired hosts still answering their joiner; closed with us at the latest. */
  private readonly lingering = new Set<InviteHostHandle>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly cell: CellRuntime,
    private readonly invites: RendezvousInvites,
    private readonly now: () => number,
    private readonly decide: DecideJoin,
  ) {
    this.unsubscribe = cell.onChange(() => this.refresh());
    this.refresh();
  }

  /** Starts hosting new open invites and retires those the roster no longer counts as open. */
  refresh(): void {
    if (this.closed) return;
    const roster = this.cell.currentRoster();
    const me = roster.members.get(toHex(this.cell.me.signPk));
    for (const invite of this.cell.cellRecord.invites) {
      const secret = fromHex(invite.secret);
      if (!secret) continue;
      const idHex = toHex(deriveInviteSecrets(secret).inviteId);
      const status = roster.invites.get(idHex)?.status;
      const hosted = this.hosts.get(idHex);
      const open = status === 'open' && me?.role === 'coordinator' && invite.expiresAt > this.now();
      if (hosted && !open) {
        hosted.retire(status === 'used' ? 'used' : 'revoked');
        this.hosts.delete(idHex);
        this.lingering.add(hosted);
        const t = setTimeout(() => {
          this.timers.delete(t);
          this.lingering.delete(hosted);
          hosted.close();
        }, LINGER_MS);
        this.timers.add(t);
      } else if (!hosted && open) {
        this.host(idHex, secret, invite);
      }
    }
  }

  private host(idHex: string, secret: Uint8Array, invite: InviteRecord): void {
    const record = this.cell.cellRecord;
    const handle = hostInvite({
      secret,
      cellId: record.cellId,
      transport: this.invites,
      signaling: record.signaling,
      iceServers: record.iceServers.map((i) => ({
        ...i,
        urls: typeof i.urls === 'string' ? [i.urls] : i.urls,
      })),
      relayOnly: record.relayOnly,
      inviteRecord: { role: invite.role, expiresAt: invite.expiresAt },
      now: this.now,
      decide: (request) => this.decide(request, invite),
      makeWelcome: (_request, admission) => {
        const welcome = admitJoiner(this.cell, admission.admit);
        return Promise.resolve(welcome.ok ? { welcome: welcome.value } : undefined);
      },
      signer: this.cell.me,
    });
    if (handle.ok) this.hosts.set(idHex, handle.value);
  }

  stats(): Record<string, number> {
    const out: Record<string, number> = { hosted: this.hosts.size };
    for (const h of this.hosts.values())
      for (const [k, v] of Object.entries(h.stats())) out[k] = (out[k] ?? 0) + v;
    return out;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const t of this.timers) clearTimeout(t);
    for (const h of this.hosts.values()) h.close();
    this.hosts.clear();
    // A cleared linger timer would otherwise leave its room (and socket) open for good.
    for (const h of this.lingering) h.close();
    this.lingering.clear();
  }
}
