import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../shared/util/result.ts';
import { createDraft } from '../drafts/createDraft.ts';
import { useDrafts } from '../drafts/useDrafts.ts';
import type { SyncConfig, SyncConfigError } from '../sync/SyncConfig.ts';
import { useDraftSync } from '../sync/useDraftSync.ts';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { DraftList } from './DraftList.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/** The first screen: drafts of the cell on the left, the selected draft on the right. */
export function App({
  config,
}: {
  readonly config: Result<SyncConfig, SyncConfigError>;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { doc, status } = useDraftSync(config);
  const { drafts } = useDrafts(doc);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = drafts.find((draft) => draft.id === selectedId);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.name');
  }, [i18n.language, t]);

  return (
    <div className="app">
      <header className="app__header">
        <div className="app__brand">
          <h1>{t('app.name')}</h1>
          <p className="muted">{t('app.tagline')}</p>
        </div>
        <ConnectionIndicator status={status} />
        <LanguageSwitcher />
      </header>
      <main className="app__main">
        <DraftList
          drafts={drafts}
          selectedId={selected ? selected.id : null}
          onSelect={setSelectedId}
          onCreate={(title) => setSelectedId(createDraft(doc, title))}
        />
        <DraftEditor draft={selected} />
      </main>
    </div>
  );
}
