import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformInfo } from '../../shared/platform/Platform.ts';
import type { AppSession } from '../session/AppSession.ts';
import type { AppSettings } from '../settings/AppSettings.ts';
import { SettingsScreen } from '../settings/SettingsScreen.tsx';
import { CellList } from './CellList.tsx';
import { CellView } from './CellView.tsx';
import { EmptyHome } from './EmptyHome.tsx';
import { JoinCellForm } from './JoinCellForm.tsx';
import { NewCellForm } from './NewCellForm.tsx';
import { rememberCell, rememberedCell } from './placeMemory.ts';
import { useCells } from './useCells.ts';
import type { DuressOutcome, DuressRequest } from './setDuressWithTemplate.ts';
import { useJoinRequestNotice } from './useJoinRequestNotice.ts';
import type { StartIntent } from './useShellController.ts';

type View =
  | { readonly kind: 'home' }
  | { readonly kind: 'cell'; readonly id: string }
  | { readonly kind: 'new-cell' }
  | { readonly kind: 'join' }
  | { readonly kind: 'settings' };

function initialView(intent: StartIntent | undefined, cells: readonly string[]): View {
  if (intent === 'create-cell') return { kind: 'new-cell' };
  if (intent === 'join') return { kind: 'join' };
  // Back where the member was before the lock, if that cell is still here.
  const last = rememberedCell();
  const id = last !== undefined && cells.includes(last) ? last : cells[0];
  return id === undefined ? { kind: 'home' } : { kind: 'cell', id };
}

/** The unlocked app: the sidebar (cells, new, join, settings, lock) and the selected view. */
export function UnlockedLayout({
  session,
  intent,
  signalUrls,
  settings,
  onSettingsChange,
  onLock,
  onPanicWipe,
  contentProtectionSupported,
  platform,
  onSetDuress,
}: {
  readonly session: AppSession;
  readonly intent: StartIntent | undefined;
  readonly signalUrls: readonly string[];
  readonly settings: AppSettings;
  readonly onSettingsChange: (patch: Partial<AppSettings>) => void;
  readonly onLock: () => void;
  readonly onPanicWipe: () => void;
  readonly contentProtectionSupported: boolean | undefined;
  readonly platform: PlatformInfo['platform'] | undefined;
  readonly onSetDuress: (request: DuressRequest) => Promise<DuressOutcome>;
}): ReactElement {
  const { t } = useTranslation();
  const cells = useCells(session);
  useJoinRequestNotice(cells);
  const [view, setView] = useState<View>(() =>
    initialView(
      intent,
      cells.map((c) => c.cellIdHex),
    ),
  );
  const openCell = (id: string): void => {
    rememberCell(id);
    setView({ kind: 'cell', id });
  };
  const current =
    view.kind === 'cell' && cells.some((c) => c.cellIdHex === view.id) ? view.id : undefined;

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('shell.nav.label')}>
        <p className="sidebar__brand">{t('app.name')}</p>
        <CellList cells={cells} currentId={current} onOpen={openCell} />
        <div className="sidebar__group">
          <button
            type="button"
            className="sidebar__action"
            aria-current={view.kind === 'new-cell' ? 'page' : undefined}
            onClick={() => setView({ kind: 'new-cell' })}
          >
            {t('shell.nav.newCell')}
          </button>
          <button
            type="button"
            className="sidebar__action"
            aria-current={view.kind === 'join' ? 'page' : undefined}
            onClick={() => setView({ kind: 'join' })}
          >
            {t('shell.nav.join')}
          </button>
        </div>
        <div className="sidebar__group sidebar__group--end">
          <button
            type="button"
            className="sidebar__action"
            aria-current={view.kind === 'settings' ? 'page' : undefined}
            onClick={() => setView({ kind: 'settings' })}
          >
            {t('shell.nav.settings')}
          </button>
          <button type="button" className="sidebar__lock" onClick={onLock}>
            {t('shell.nav.lock')}
          </button>
        </div>
      </nav>
      <main className="shell__main">
        {view.kind === 'home' && (
          <EmptyHome
            hasCells={cells.length > 0}
            onNewCell={() => setView({ kind: 'new-cell' })}
            onJoin={() => setView({ kind: 'join' })}
          />
        )}
        {view.kind === 'cell' && (
          <CellView
            key={view.id}
            session={session}
            cellIdHex={view.id}
            onRemoved={() => setView({ kind: 'home' })}
          />
        )}
        {view.kind === 'new-cell' && (
          <NewCellForm session={session} signalUrls={signalUrls} onCreated={openCell} />
        )}
        {view.kind === 'join' && <JoinCellForm session={session} onJoined={openCell} />}
        {view.kind === 'settings' && (
          <SettingsScreen
            settings={settings}
            onChange={onSettingsChange}
            onLockNow={onLock}
            onPanicWipe={onPanicWipe}
            contentProtectionSupported={contentProtectionSupported}
            platform={platform}
            signalUrls={signalUrls}
            onSetDuress={onSetDuress}
          />
        )}
      </main>
    </div>
  );
}
