import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../shared/cell/Task.ts';
import { TASK_STATUSES } from '../../shared/cell/TaskStatus.ts';
import type { MoveDirection } from './taskMove.ts';

export const TASK_DRAG_TYPE = 'application/x-quire-task';

/** Which control of which card should have the focus after a move (seq makes each one new). */
export interface FocusRequest {
  readonly taskId: string;
  readonly control: MoveDirection | 'edit';
  readonly seq: number;
}

const ARROWS: Readonly<Record<MoveDirection, { readonly glyph: string; readonly key: string }>> = {
  left: { glyph: '←', key: 'ArrowLeft' },
  up: { glyph: '↑', key: 'ArrowUp' },
  down: { glyph: '↓', key: 'ArrowDown' },
  right: { glyph: '→', key: 'ArrowRight' },
};

/**
 * One task: title, assignee, due date, labels, the exposing mark; Edit, and move buttons that
 * Alt+arrow keys also trigger. Draggable between and within columns.
 */
export function TaskCard({
  task,
  assigneeName,
  canMove,
  focusRequest,
  today,
  writable,
  onEdit,
  onMove,
}: {
  readonly task: Task;
  readonly assigneeName: string | undefined;
  readonly canMove: (direction: MoveDirection) => boolean;
  /** Focus this control after a re-render (the card may have moved to another column). */
  readonly focusRequest: FocusRequest | undefined;
  readonly today: string;
  readonly writable: boolean;
  readonly onEdit: () => void;
  readonly onMove: (direction: MoveDirection) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const card = ref.current;
    const wanted = card?.querySelector<HTMLButtonElement>(
      `[data-control="${focusRequest.control}"]:not(:disabled)`,
    );
    (wanted ?? card?.querySelector<HTMLButtonElement>('[data-control="edit"]'))?.focus();
  }, [focusRequest]);
  const column = (offset: number): string => {
    const status = TASK_STATUSES[TASK_STATUSES.indexOf(task.status) + offset];
    return status ? t(`tasks.columns.${status}`) : '';
  };
  const moveLabel = (direction: MoveDirection): string =>
    direction === 'up' || direction === 'down'
      ? t(`tasks.move.${direction}`, { title: task.title })
      : t('tasks.move.toColumn', {
          title: task.title,
          column: column(direction === 'left' ? -1 : 1),
        });
  const overdue = task.due !== '' && task.status !== 'done' && task.due < today;

  return (
    <li
      ref={ref}
      className={`task-card${task.exposing ? ' task-card--exposing' : ''}`}
      draggable={writable}
      data-task-id={task.id}
      onDragStart={(event) => {
        event.dataTransfer.setData(TASK_DRAG_TYPE, task.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={(event) => {
        if (!event.altKey) return;
        const direction = (Object.keys(ARROWS) as MoveDirection[]).find(
          (d) => ARROWS[d].key === event.key,
        );
        if (!direction || !canMove(direction)) return;
        event.preventDefault();
        onMove(direction);
      }}
    >
      <p className="task-card__title">{task.title}</p>
      <p className="task-card__meta">
        {task.exposing ? (
          <span className="badge badge--exposing">{t('tasks.exposingBadge')}</span>
        ) : null}
        <span>
          {assigneeName === undefined
            ? t('tasks.unassigned')
            : t('tasks.assignedTo', { name: assigneeName })}
        </span>
        {task.due !== '' ? (
          <span className={overdue ? 'task-card__due--overdue' : undefined}>
            {t(overdue ? 'tasks.overdue' : 'tasks.dueOn', {
              date: new Intl.DateTimeFormat(i18n.language, {
                dateStyle: 'medium',
                timeZone: 'UTC',
              }).format(new Date(`${task.due}T00:00:00Z`)),
            })}
          </span>
        ) : null}
      </p>
      {task.labels.length > 0 ? (
        <ul className="task-card__labels" aria-label={t('tasks.fields.labels')}>
          {task.labels.map((label) => (
            <li key={label} className="badge">
              {label}
            </li>
          ))}
        </ul>
      ) : null}
      {writable ? (
        <div className="task-card__actions">
          <button
            type="button"
            className="button--quiet"
            data-control="edit"
            aria-label={t('tasks.editNamed', { title: task.title })}
            onClick={onEdit}
          >
            {t('tasks.edit')}
          </button>
          <span className="task-card__moves">
            {(Object.keys(ARROWS) as MoveDirection[]).map((direction) => (
              <button
                key={direction}
                type="button"
                className="button--icon"
                data-control={direction}
                aria-label={moveLabel(direction)}
                aria-keyshortcuts={`Alt+${ARROWS[direction].key}`}
                title={`${moveLabel(direction)} (Alt+${ARROWS[direction].glyph})`}
                disabled={!canMove(direction)}
                onClick={() => onMove(direction)}
              >
                <span aria-hidden="true">{ARROWS[direction].glyph}</span>
              </button>
            ))}
          </span>
        </div>
      ) : null}
    </li>
  );
}
