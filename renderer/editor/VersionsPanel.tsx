import { useCallback, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { draftVersions } from '../../shared/cell/draftVersions.ts';
import { listVersions } from '../../shared/cell/listVersions.ts';
import { restoreVersion } from '../../shared/cell/restoreVersion.ts';
import type { ShelfState } from '../../shared/cell/Shelf.ts';
import type { VersionEntry } from '../../shared/cell/VersionEntry.ts';
import type { HorizonSetting } from '../../shared/cell/readHorizonPolicy.ts';
import { formatRelativeTime } from '../drafts/formatRelativeTime.ts';
import type { Shelves } from '../drafts/useShelves.ts';
import { useNow } from '../drafts/useNow.ts';
import { useYValue } from '../drafts/useYValue.ts';
import { ShelfActions } from '../ui/ShelfActions.tsx';
import { ShelfFilter } from '../ui/ShelfFilter.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ExpiryWarning } from './ExpiryWarning.tsx';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { VersionViewer } from './VersionViewer.tsx';

/** Named versions of a draft: save one, see the list, view one read-only, restore with consent. */
export function VersionsPanel({
  draftDoc,
  authors,
  me,
  nameOf,
  writable,
  horizon,
  shelves,
}: {
  readonly draftDoc: Y.Doc;
  /** Who wrote what in this draft: "saved by" is its verified writer, not a stored name. */
  readonly authors: ClientAuthors;
  readonly me: string;
  readonly nameOf: (signPkHex: string) => string;
  readonly writable: boolean;
  /** The cell's history horizon: versions older than it are deleted, with a warning before. */
  readonly horizon?: HorizonSetting | undefined;
  /** Where each version is (in use, archived, trash) and who may move it. */
  readonly shelves: Shelves;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const now = useNow();
  const read = useCallback(() => listVersions(draftDoc, authors), [draftDoc, authors]);
  const { entries: all } = useYValue(draftVersions(draftDoc), read);
  const [view, setView] = useState<ShelfState>('active');
  const placed = (state: ShelfState): VersionEntry[] =>
    all.filter((version) => shelves.of(version.id).state === state);
  const entries = placed(view);
  const [viewing, setViewing] = useState<VersionEntry | undefined>(undefined);
  const [restoring, setRestoring] = useState<VersionEntry | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const backupName = (name: string): string => t('editor.versions.backupName', { name });

  return (
    <section className="versions" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('editor.versions.heading')}</h3>
      {writable ? (
        <SaveVersionForm
          draftDoc={draftDoc}
          me={me}
          onSaved={(name) => setNotice(t('editor.versions.saved', { name }))}
        />
      ) : null}
      {horizon && (
        <p className="muted">
          {'days' in horizon
            ? t('editor.versions.horizonDays', { days: horizon.days })
            : t('editor.versions.horizonIssue')}
        </p>
      )}
      <p className="versions__notice" role="status">
        {notice}
      </p>
      <ShelfFilter
        value={view}
        counts={{ archived: placed('archived').length, trashed: placed('trashed').length }}
        tampered={shelves.tampered}
        onChange={setView}
      />
      {entries.length === 0 ? (
        <p className="muted">
          {t(
            view === 'active'
              ? 'editor.versions.empty'
              : view === 'archived'
                ? 'shelf.emptyArchived'
                : 'shelf.emptyTrashed',
          )}
        </p>
      ) : (
        <ul className="versions__list">
          {entries.map((version) => (
            <li key={version.id} className="versions__item">
              <span className="versions__name">{version.name}</span>
              <span className="versions__meta">
                {t('editor.versions.savedBy', {
                  when: formatRelativeTime(version.at, now, i18n.language),
                  who: nameOf(version.by),
                })}
                <ExpiryWarning at={version.at} horizon={horizon} now={now} />
              </span>
              <span className="versions__actions">
                <button
                  type="button"
                  className="button--quiet"
                  onClick={() => setViewing(version)}
                  aria-label={t('editor.versions.viewNamed', { name: version.name })}
                >
                  {t('editor.versions.view')}
                </button>
                {writable ? (
                  <button
                    type="button"
                    className="button--quiet"
                    onClick={() => setRestoring(version)}
                    aria-label={t('editor.versions.restoreNamed', { name: version.name })}
                  >
                    {t('editor.versions.restore')}
                  </button>
                ) : null}
                {shelves.may(version.id) ? (
                  <ShelfActions
                    shelf={shelves.of(version.id)}
                    name={version.name}
                    onShelve={(state) => shelves.shelve(version.id, state)}
                  />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <VersionViewer
        draftDoc={draftDoc}
        version={viewing}
        onClose={() => setViewing(undefined)}
        canRestore={writable}
        onRestore={(version) => {
          setViewing(undefined);
          setRestoring(version);
        }}
      />
      <ConfirmDialog
        open={restoring !== undefined}
        title={t('editor.versions.restoreTitle', { name: restoring?.name ?? '' })}
        confirmLabel={t('editor.versions.restore')}
        cancelLabel={t('editor.cancel')}
        onCancel={() => setRestoring(undefined)}
        onConfirm={() => {
          if (!restoring) return;
          const result = restoreVersion(draftDoc, restoring.id, me, backupName(restoring.name));
          setNotice(
            result.ok
              ? t('editor.versions.restored', { name: restoring.name })
              : t('editor.versions.restoreFailed'),
          );
          setRestoring(undefined);
        }}
      >
        <p>{t('editor.versions.restoreBody', { backup: backupName(restoring?.name ?? '') })}</p>
      </ConfirmDialog>
    </section>
  );
}
