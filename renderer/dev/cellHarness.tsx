import { StrictMode, useEffect, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { DraftsScreen } from '../drafts/DraftsScreen.tsx';
import type { CellReaderCommentsSettings, CellSession } from '../session/CellSession.ts';
import { TasksScreen } from '../tasks/TasksScreen.tsx';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { harnessSessions } from './harnessSessions.ts';
import { seedHarness } from './seedHarness.ts';
import './harness.css';

type Screen = 'drafts' | 'tasks';

/** One member's view: a switch between the two screens, and the screen. */
function HarnessPane({
  session,
  initial,
}: {
  readonly session: CellSession;
  readonly initial: Screen;
}): ReactElement {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>(initial);
  return (
    <section
      className="harness__pane"
      aria-label={session.me.pseudonym}
      data-member={session.me.pseudonym}
    >
      <nav className="harness__tabs" aria-label={t('app.name')}>
        <span className="harness__me" style={{ borderColor: session.me.colour }}>
          {session.me.pseudonym}
        </span>
        {(['drafts', 'tasks'] as const).map((name) => (
          <button
            key={name}
            type="button"
            className="harness__tab"
            aria-current={screen === name ? 'page' : undefined}
            onClick={() => setScreen(name)}
          >
            {t(`${name}.heading`)}
          </button>
        ))}
      </nav>
      {screen === 'drafts' ? <DraftsScreen session={session} /> : <TasksScreen session={session} />}
    </section>
  );
}

/** The cell's "readers comment" choice as the harness fixes it: on, granted, not editable. */
const readersMayComment: CellReaderCommentsSettings = {
  get: () => ({ on: true, tampered: false, editable: false, allowedNow: true }),
  set: () => false,
  rotateNow: () => Promise.resolve(),
};

/**
 * The cell screens over two linked in-memory sessions (Olena and Marko). Query: `as=marko`
 * shows Marko's view, `split=1` both side by side, `screen=tasks` opens the board, `seed=1`
 * adds sample content, `reader=1` makes Olena a reader, `readerComments=1` lets readers comment. Development and e2e tests only: no network, nothing stored.
 */
function CellHarness({ params }: { readonly params: URLSearchParams }): ReactElement {
  const { t, i18n } = useTranslation();
  const [sessions] = useState(() => {
    const created = harnessSessions(params.get('reader') === '1' ? 'reader' : 'coordinator');
    if (params.get('readerComments') === '1') created.olena.readerComments = readersMayComment;
    if (params.get('seed') === '1') seedHarness(created.olena, created.marko);
    return created;
  });
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.name');
  }, [i18n.language, t]);
  const initial: Screen = params.get('screen') === 'tasks' ? 'tasks' : 'drafts';
  const panes =
    params.get('split') === '1'
      ? [sessions.olena, sessions.marko]
      : [params.get('as') === 'marko' ? sessions.marko : sessions.olena];
  return (
    <div className="harness">
      <header className="harness__header">
        <h1>{t('app.name')}</h1>
        <LanguageSwitcher />
      </header>
      <main className={`harness__main harness__main--${panes.length}`}>
        {panes.map((session) => (
          <HarnessPane key={session.me.signPkHex} session={session} initial={initial} />
        ))}
      </main>
    </div>
  );
}

/** Mounts the harness instead of the app (renderer/main.tsx, when the URL has ?harness=cell). */
export function renderCellHarness(root: HTMLElement, search: string): void {
  createRoot(root).render(
    <StrictMode>
      <CellHarness params={new URLSearchParams(search)} />
    </StrictMode>,
  );
}
