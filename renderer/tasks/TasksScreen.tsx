import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { addTask } from '../../shared/cell/addTask.ts';
import { assignTask } from '../../shared/cell/assignTask.ts';
import { boardTasks } from '../../shared/cell/boardTasks.ts';
import { moveTask } from '../../shared/cell/moveTask.ts';
import { needsExposureWarning } from '../../shared/cell/needsExposureWarning.ts';
import type { PersonEntry } from '../../shared/cell/readPeople.ts';
import { setInsideCountry } from '../../shared/cell/setInsideCountry.ts';
import type { ShelfState } from '../../shared/cell/Shelf.ts';
import type { Task } from '../../shared/cell/Task.ts';
import { TASK_BOARD_DOC_ID } from '../../shared/cell/taskBoardDocId.ts';
import { TASK_STATUSES, type TaskStatus } from '../../shared/cell/TaskStatus.ts';
import { updateTask } from '../../shared/cell/updateTask.ts';
import { writeAccess } from '../drafts/writeAccess.ts';
import { useMembers } from '../drafts/useMembers.ts';
import { usePeopleNames } from '../drafts/usePeopleNames.ts';
import { useShelves } from '../drafts/useShelves.ts';
import type { CellSession } from '../session/CellSession.ts';
import { ShelfActions } from '../ui/ShelfActions.tsx';
import { ShelfFilter } from '../ui/ShelfFilter.tsx';
import { boardIndex } from './boardIndex.ts';
import { filterTasks, type TaskFilter } from './filterTasks.ts';
import { ExposureWarningDialog } from './ExposureWarningDialog.tsx';
import { InsideCountryToggle } from './InsideCountryToggle.tsx';
import { NewTaskForm } from './NewTaskForm.tsx';
import type { FocusRequest } from './TaskCard.tsx';
import { TaskColumn } from './TaskColumn.tsx';
import { TaskEditDialog, type TaskDraft } from './TaskEditDialog.tsx';
import { taskMove, type MoveDirection } from './taskMove.ts';
import { useTaskBoard } from './useTaskBoard.ts';
import '../drafts/common.css';
import './tasks.css';

const localToday = (): string => {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** The cell's task board: to do, doing, done; risk-aware assignment of exposing work. */
export function TasksScreen({ session }: { readonly session: CellSession }): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const mineId = useId();
  const unassignedId = useId();
  const { boardDoc, indexDoc, tasks, people } = useTaskBoard(session);
  const members = useMembers(session);
  const me = session.me.signPkHex;
  const access = writeAccess(session);
  const writable = access === 'write';
  const [filter, setFilter] = useState<TaskFilter>('all');
  const [editingId, setEditingId] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState<{ task: Task; change: TaskDraft } | undefined>(undefined);
  const [focus, setFocus] = useState<FocusRequest | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const shelves = useShelves(session, TASK_BOARD_DOC_ID, boardTasks(boardDoc));
  const [view, setView] = useState<ShelfState>('active');
  const placed = (state: ShelfState): Task[] =>
    tasks.entries.filter((task) => shelves.of(task.id).state === state);
  const all = tasks.entries;
  const isMember = (signPkHex: string): boolean =>
    members.some((m) => m.signPkHex === signPkHex || (m.formerKeys?.includes(signPkHex) ?? false));
  // The board shows one place at a time (in use, archived, trash); moves still order among all.
  const visible = filterTasks(placed(view), filter, me, isMember);
  const editing = all.find((task) => task.id === editingId);
  const personOf = (signPkHex: string): PersonEntry | undefined => people.get(signPkHex);
  const nameOf = usePeopleNames(session, t('tasks.you'), t('tasks.unknownMember'));

  const move = (
    taskId: string,
    status: TaskStatus,
    visibleIndex: number,
    control?: MoveDirection,
  ): void => {
    const task = all.find((candidate) => candidate.id === taskId);
    if (!task) return;
    if (
      !moveTask(
        boardDoc,
        taskId,
        status,
        boardIndex(all, visible, status, visibleIndex, taskId),
        session.authors(TASK_BOARD_DOC_ID),
      ).ok
    )
      return;
    const column = t(`tasks.columns.${status}`);
    setAnnouncement(t('tasks.moved', { title: task.title, column, position: visibleIndex + 1 }));
    if (control) setFocus((previous) => ({ taskId, control, seq: (previous?.seq ?? 0) + 1 }));
  };
  const moveBy = (task: Task, direction: MoveDirection): void => {
    const target = taskMove(visible, task.id, direction);
    if (target) move(task.id, target.status, target.index, direction);
  };

  const apply = (task: Task, change: TaskDraft): void => {
    updateTask(boardDoc, task.id, {
      title: change.title,
      notes: change.notes,
      due: change.due,
      labels: change.labels,
      exposing: change.exposing,
    });
    assignTask(boardDoc, task.id, change.assignee);
    setPending(undefined);
    setEditingId(undefined);
  };
  const save = (task: Task, change: TaskDraft): void => {
    const newlyRisky = change.assignee !== task.assignee || (change.exposing && !task.exposing);
    const warn = newlyRisky && needsExposureWarning(change, personOf(change.assignee));
    if (warn) setPending({ task, change });
    else apply(task, change);
  };

  const emptyText = (status: TaskStatus): string =>
    filter === 'all' ? t(`tasks.empty.${status}`) : t(`tasks.empty.${filter}`);

  return (
    <section className="tasks-screen" aria-labelledby={headingId}>
      <header className="tasks-screen__header">
        <h2 id={headingId}>{t('tasks.heading')}</h2>
        {writable ? (
          <NewTaskForm
            onAdd={(title) =>
              addTask(boardDoc, title, me, { authors: session.authors(TASK_BOARD_DOC_ID) })
            }
          />
        ) : access === 'reader' ? (
          <p className="muted small">{t('tasks.readerNote')}</p>
        ) : null}
        <div className="tasks-screen__options">
          <div className="check-field">
            <input
              id={mineId}
              type="checkbox"
              checked={filter === 'mine'}
              onChange={(event) => setFilter(event.target.checked ? 'mine' : 'all')}
            />
            <label htmlFor={mineId}>{t('tasks.onlyMine')}</label>
          </div>
          <div className="check-field">
            <input
              id={unassignedId}
              type="checkbox"
              checked={filter === 'unassigned'}
              onChange={(event) => setFilter(event.target.checked ? 'unassigned' : 'all')}
            />
            <label htmlFor={unassignedId}>{t('tasks.onlyUnassigned')}</label>
          </div>
          <ShelfFilter
            value={view}
            counts={{ archived: placed('archived').length, trashed: placed('trashed').length }}
            tampered={shelves.tampered}
            onChange={setView}
          />
          {writable ? (
            <InsideCountryToggle
              inside={personOf(me)?.insideCountry === true}
              onChange={(inside) => setInsideCountry(indexDoc, me, inside)}
            />
          ) : null}
        </div>
      </header>
      {writable ? <p className="muted small">{t('tasks.keyboardHint')}</p> : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="board">
        {TASK_STATUSES.map((status) => (
          <TaskColumn
            key={status}
            status={status}
            tasks={visible.filter((task) => task.status === status)}
            emptyText={emptyText(status)}
            nameOf={nameOf}
            canMove={(task, direction) =>
              writable && taskMove(visible, task.id, direction) !== undefined
            }
            writable={writable}
            focus={focus}
            today={localToday()}
            onEdit={(task) => setEditingId(task.id)}
            onMove={moveBy}
            onDrop={(taskId, target, index) => move(taskId, target, index)}
          />
        ))}
      </div>
      {tasks.dropped > 0 ? (
        <p className="muted small">{t('tasks.dropped', { n: tasks.dropped })}</p>
      ) : null}
      <TaskEditDialog
        task={editing}
        members={members}
        personOf={personOf}
        nameOf={nameOf}
        actions={
          editing && shelves.may(editing.id) ? (
            <ShelfActions
              shelf={shelves.of(editing.id)}
              name={editing.title}
              onShelve={(state) => {
                if (shelves.shelve(editing.id, state)) setEditingId(undefined);
              }}
            />
          ) : null
        }
        onSave={save}
        onClose={() => setEditingId(undefined)}
      />
      <ExposureWarningDialog
        pending={
          pending && {
            taskTitle: pending.change.title,
            memberName: nameOf(pending.change.assignee),
            self: pending.change.assignee === me,
            overwritten: personOf(pending.change.assignee)?.overwritten === true,
          }
        }
        onConfirm={() => pending && apply(pending.task, pending.change)}
        onCancel={() => setPending(undefined)}
      />
    </section>
  );
}
