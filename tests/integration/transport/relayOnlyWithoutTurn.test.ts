import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { setInsideCountry } from '../../../shared/cell/setInsideCountry.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { CellSync } from '../../../shared/sync/CellSync.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import { createNodeTransport } from '../../../node/transport/nodeWebrtc.ts';
import { createCellRecord } from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { initI18n } from '../../../renderer/i18n/i18n.ts';
import { createCellSession } from '../../../renderer/session/createCellSession.ts';
import { CellStatus } from '../../../renderer/shell/CellStatus.tsx';
import { testIdentity } from '../../unit/runtime/runtimeCell.ts';
import { fastVault } from '../../unit/vault/vaultFixture.ts';

/**
 * Relay-only with no TURN server in the cell's settings (a settings change, or a welcome whose
 * coordinator set it): the real y-webrtc transport refuses to join rather than connect directly.
 * Before, that refusal was thrown out of CellSync.open and the cell could not be opened at all;
 * now the cell opens offline and its status says why (the app's status line shows it).
 */
describe('relay-only without a TURN server', () => {
  it('opens the cell offline with the reason, and never connects', async () => {
    await sodiumReady();
    const kp = sodium().crypto_sign_keypair();
    const cellId = randomBytes(16);
    const secrets = deriveEpochSecrets(randomBytes(32), cellId, 0);
    const sync = await CellSync.open({
      cellId,
      me: { signPk: kp.publicKey, signSk: kp.privateKey },
      epoch: 0,
      secretsFor: (e) => (e === 0 ? secrets : undefined),
      roster: fixedRoster([{ signPk: kp.publicKey, role: 'writer' }]),
      store: new MemorySyncStore(),
      transport: createNodeTransport(),
      signaling: ['ws://127.0.0.1:9'],
      relayOnly: true,
      iceServers: [{ urls: 'stun:127.0.0.1:9' }],
    });
    const status = sync.status();
    expect(status.joinRefused).toBe('relay_only_without_turn');
    expect(status.signalingConnected).toBe(false);
    expect(status.peers).toBe(0);
    // Still a working local replica: edits are kept, to be sent once a relay is configured.
    sync.doc(new Uint8Array(16).fill(1)).getText('t').insert(0, 'kept');
    await sync.flush();
    await sync.close();
  });
});

describe('the status line with relay-only and no TURN server', () => {
  it('says the member is offline because the cell has no relay, in the user’s language', async () => {
    await sodiumReady();
    initI18n('en');
    const created = createCellRecord({
      identity: testIdentity('Anna'),
      name: 'Cell',
      signaling: ['ws://127.0.0.1:9'],
      relayOnly: true,
    });
    if (!created.ok) throw new Error(created.error);
    const { vault } = await fastVault();
    const runtime = await CellRuntime.open({
      record: created.value,
      sealed: vault.store,
      transport: createNodeTransport(),
      saveRecord: () => Promise.resolve(),
    });
    const session = createCellSession(runtime, undefined);
    expect(session.status().relayOnlyWithoutTurn).toBe(true);
    const html = renderToStaticMarkup(createElement(CellStatus, { session }));
    expect(html).toContain('data-state="noRelay"');
    expect(html).toContain('this cell has no relay (TURN) server');
    await session.close();
  });
});

describe('relay-only required by the cell, on the status line (issue 16 item 2)', () => {
  const open = async (iceServers: { urls: string; username?: string; credential?: string }[]) => {
    await sodiumReady();
    const created = createCellRecord({
      identity: testIdentity('Anna'),
      name: 'Cell',
      signaling: ['ws://127.0.0.1:9'],
      iceServers,
    });
    if (!created.ok) throw new Error(created.error);
    const { vault } = await fastVault();
    const runtime = await CellRuntime.open({
      record: created.value,
      sealed: vault.store,
      transport: createNodeTransport(),
      saveRecord: () => Promise.resolve(),
    });
    return { runtime, session: createCellSession(runtime, undefined) };
  };

  it('a member who says she is inside, in a cell without TURN, goes offline at once and is told why', async () => {
    initI18n('en');
    const { runtime, session } = await open([]);
    expect(session.status().relayOnlyWithoutTurn).toBe(false);
    expect(session.status().relayOnly).toBeUndefined();
    setInsideCountry(runtime.sync.doc(CELL_INDEX_DOC_ID), toHex(runtime.me.signPk), true);
    expect(session.status().relayOnlyWithoutTurn).toBe(true);
    expect(session.status().relayOnly).toBe('inside');
    const html = renderToStaticMarkup(createElement(CellStatus, { session }));
    expect(html).toContain('data-state="noRelay"');
    expect(session.connection?.get()).toMatchObject({
      relayOnly: true,
      relayOnlyRequired: 'inside',
    });
    await session.close();
  });

  it("a coordinator's cell-wide setting shows as relay only, in every language", async () => {
    const { session } = await open([{ urls: 'turn:127.0.0.1:9', username: 'u', credential: 'p' }]);
    expect(session.connection?.get().cellPolicy).toEqual({
      on: false,
      tampered: false,
      editable: true,
    });
    expect(session.connection?.setCellPolicy?.(true)).toBe(true);
    expect(session.status()).toMatchObject({ relayOnly: 'cell', relayOnlyWithoutTurn: false });
    const expected = {
      en: 'relay only, set for the whole cell',
      ru: 'только через ретранслятор, для всей ячейки',
      uk: 'лише через ретранслятор, для всього осередку',
    };
    for (const [lang, text] of Object.entries(expected)) {
      initI18n(lang as 'en' | 'ru' | 'uk');
      const html = renderToStaticMarkup(createElement(CellStatus, { session }));
      expect(html).toContain('data-relay-only="cell"');
      expect(html).toContain(text);
    }
    initI18n('en');
    await session.close();
  });
});
