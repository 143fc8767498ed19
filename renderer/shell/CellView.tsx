import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftsScreen } from '../drafts/DraftsScreen.tsx';
import { IssuesScreen } from '../export/IssuesScreen.tsx';
import type { AppSession } from '../session/AppSession.ts';
import type { CellSession } from '../session/CellSession.ts';
import { RemovedBanner } from '../members/RemovedBanner.tsx';
import { EquivocationAlert } from './EquivocationAlert.tsx';
import { OwnOverBudgetAlert } from './OwnOverBudgetAlert.tsx';
import { CellStatus } from './CellStatus.tsx';
import { CellSettingsSlot } from '../settings/CellSettingsSlot.tsx';
import { TasksScreen } from '../tasks/TasksScreen.tsx';
import { ScreenBoundary } from '../ui/ScreenBoundary.tsx';
import { CellTabs } from './CellTabs.tsx';
import { MembersSlot } from './MembersSlot.tsx';
import { forgetPlace, rememberedTab, rememberTab } from './placeMemory.ts';
import { useCellSession } from './useCellSession.ts';
import { waitingRequests } from '../session/waitingRequests.ts';
import { useGovernanceVersion } from '../members/useGovernanceVersion.ts';

const TABS = ['drafts', 'tasks', 'issues', 'members', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** One open cell: its name, who you are in it, and its tabs. */
export function CellView({
  session,
  cellIdHex,
  onRemoved,
}: {
  readonly session: AppSession;
  readonly cellIdHex: string;
  /** After this device's copy of the cell was deleted (a removed member's choice). */
  readonly onRemoved?: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const opening = useCellSession(session, cellIdHex);
  if (opening.kind === 'opening') {
    return (
      <div className="stack" aria-busy="true">
        <progress aria-label={t('shell.cell.opening')} />
        <p role="status">{t('shell.cell.opening')}</p>
      </div>
    );
  }
  if (opening.kind === 'failed') {
    return (
      <p className="error" role="alert">
        {t('shell.cell.failed')}
      </p>
    );
  }
  return (
    <ScreenBoundary key={cellIdHex} part="cell">
      <OpenCell
        cell={opening.cell}
        onRemoveFromDevice={async () => {
          await session.removeCellFromDevice(cellIdHex);
          forgetPlace(cellIdHex);
          onRemoved?.();
        }}
      />
    </ScreenBoundary>
  );
}

function OpenCell({
  cell,
  onRemoveFromDevice,
}: {
  readonly cell: CellSession;
  readonly onRemoveFromDevice: () => Promise<void>;
}): ReactElement {
  const { t } = useTranslation();
  const [tab, setTabState] = useState<Tab>(() => {
    const last = rememberedTab(cell.cellIdHex);
    return TABS.find((key) => key === last) ?? 'drafts';
  });
  const setTab = (next: Tab): void => {
    rememberTab(cell.cellIdHex, next);
    setTabState(next);
  };
  useGovernanceVersion(cell);
  const waiting = waitingRequests(cell);
  const tabs = TABS.map((key) => ({
    key,
    label: key === 'issues' ? t('export.tab') : t(`shell.tabs.${key}`),
    ...(key === 'members'
      ? { badge: { count: waiting, label: t('shell.tabs.waiting', { count: waiting }) } }
      : {}),
  }));
  return (
    <div className="cell-view">
      <header className="cell-view__header">
        <h1 className="cell-view__name">{cell.cellName}</h1>
        <p className="cell-view__me">
          <span className="swatch" style={{ background: cell.me.colour }} aria-hidden="true" />
          {t('shell.cell.youAre', { pseudonym: cell.me.pseudonym })}
        </p>
        <CellStatus session={cell} />
      </header>
      <RemovedBanner session={cell} onRemoveFromDevice={onRemoveFromDevice} />
      <EquivocationAlert session={cell} />
      <OwnOverBudgetAlert session={cell} />
      <CellTabs
        label={t('shell.tabs.label', { cell: cell.cellName })}
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'drafts' && <DraftsScreen session={cell} />}
        {tab === 'tasks' && (
          <ScreenBoundary part="board" onBack={() => setTab('drafts')}>
            <TasksScreen session={cell} />
          </ScreenBoundary>
        )}
        {tab === 'issues' && <IssuesScreen session={cell} />}
        {tab === 'members' && <MembersSlot session={cell} />}
        {tab === 'settings' && <CellSettingsSlot session={cell} />}
      </CellTabs>
    </div>
  );
}
