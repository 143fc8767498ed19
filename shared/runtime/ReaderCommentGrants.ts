import type { ClientAuthors } from '../cell/ClientAuthors.ts';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';
import {
  grantReadersComment,
  readersMayComment,
  readReadersComment,
  setReadersComment,
  type ReadersCommentSetting,
} from '../cell/readersCommentPolicy.ts';
import type { Roster } from '../roster/Roster.ts';
import { roleAt } from '../roster/roleAt.ts';
import type { FollowedDoc } from './FollowedDoc.ts';
import type { ReaderCommentRules } from './readerComments.ts';

export interface ReaderCommentGrantsHooks {
  readonly index: FollowedDoc;
  /** The engine's verified writers of the index doc. */
  readonly authors: () => ClientAuthors;
  readonly roster: () => Roster;
  readonly meHex: string;
  /** The epoch this device writes in now. */
  readonly writingEpoch: () => number;
  readonly active: () => boolean;
}

const GRANT_PREFIX = 'readersComment@';

/**
 * The "readers comment" policy of one cell, for the write check (ReaderCommentRules) and the
 * settings screen. Bound once the engine exists (the write check is built before it, and grants
 * nothing until then). When a new epoch opens while the coordinators' choice is on, a coordinator
 * of this device grants it (grants are per epoch: readersMayComment says why).
 */
export class ReaderCommentGrants implements ReaderCommentRules {
  private hooks: ReaderCommentGrantsHooks | undefined;
  private readonly listeners = new Set<() => void>();
  private lastGranted = '';
  private unsubscribe: (() => void) | undefined;

  bind(hooks: ReaderCommentGrantsHooks): void {
    this.hooks = hooks;
    this.unsubscribe = hooks.index.subscribe(() => this.check());
    this.check();
  }

  isReaderAt(signPkHex: string, epoch: number): boolean {
    return !!this.hooks && roleAt(this.hooks.roster(), signPkHex, epoch) === 'reader';
  }

  granted(epoch: number): boolean {
    const h = this.hooks;
    if (!h) return false;
    const roster = h.roster();
    return readersMayComment(
      h.index.doc,
      epoch,
      h.authors(),
      (hex, e) => roleAt(roster, hex, e) === 'coordinator',
    );
  }

  onGrant(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The coordinators' choice as it reads now (off unless a coordinator now turned it on). */
  setting(): ReadersCommentSetting {
    const h = this.hooks;
    if (!h) return { on: false, tampered: false };
    const roster = h.roster();
    return readReadersComment(
      h.index.doc,
      h.authors(),
      (hex) => roster.members.get(hex)?.role === 'coordinator',
    );
  }

  /** May readers comment in the epoch this device writes in now (what the UI offers)? */
  allowedNow(): boolean {
    return !!this.hooks && this.granted(this.hooks.writingEpoch());
  }

  /** A coordinator's choice (the UI offers it to coordinators only; only theirs counts). */
  set(on: boolean): void {
    const h = this.hooks;
    if (h) setReadersComment(h.index.doc, on, h.writingEpoch());
  }

  /** After an index update or a roster change: tell the write check, renew the grant if due. */
  check(): void {
    const h = this.hooks;
    if (!h) return;
    const granted: number[] = [];
    for (const key of cellIndexMaps(h.index.doc).policy.keys()) {
      if (!key.startsWith(GRANT_PREFIX)) continue;
      const epoch = Number(key.slice(GRANT_PREFIX.length));
      if (Number.isInteger(epoch) && this.granted(epoch)) granted.push(epoch);
    }
    const signature = granted.sort((a, b) => a - b).join(',');
    if (signature !== this.lastGranted) {
      this.lastGranted = signature;
      for (const l of Array.from(this.listeners)) l();
    }
    if (!h.active() || h.roster().members.get(h.meHex)?.role !== 'coordinator') return;
    const epoch = h.writingEpoch();
    if (this.setting().on && !this.granted(epoch)) grantReadersComment(h.index.doc, epoch);
  }

  stop(): void {
    this.unsubscribe?.();
    this.listeners.clear();
  }
}
