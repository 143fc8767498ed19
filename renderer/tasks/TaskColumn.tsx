import { useId, useState, type DragEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../shared/cell/Task.ts';
import type { TaskStatus } from '../../shared/cell/TaskStatus.ts';
import { TASK_DRAG_TYPE, TaskCard, type FocusRequest } from './TaskCard.tsx';
import type { MoveDirection } from './taskMove.ts';

/** Where among this column's cards (the dragged one excluded) the pointer is. */
function dropIndex(event: DragEvent<HTMLElement>, draggedId: string | undefined): number {
  const cards = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('.task-card')).filter(
    (card) => card.dataset['taskId'] !== draggedId,
  );
  const index = cards.findIndex((card) => {
    const box = card.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2;
  });
  return index === -1 ? cards.length : index;
}

/** One column of the board (to do, doing, done): its cards and a drop target. */
export function TaskColumn({
  status,
  tasks,
  emptyText,
  nameOf,
  canMove,
  focus,
  today,
  writable,
  onEdit,
  onMove,
  onDrop,
}: {
  readonly status: TaskStatus;
  readonly tasks: readonly Task[];
  readonly emptyText: string;
  readonly nameOf: (signPkHex: string) => string;
  readonly canMove: (task: Task, direction: MoveDirection) => boolean;
  readonly focus: FocusRequest | undefined;
  readonly today: string;
  readonly writable: boolean;
  readonly onEdit: (task: Task) => void;
  readonly onMove: (task: Task, direction: MoveDirection) => void;
  readonly onDrop: (taskId: string, status: TaskStatus, visibleIndex: number) => void;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const [over, setOver] = useState(false);
  const accepts = (event: DragEvent<HTMLElement>): boolean =>
    event.dataTransfer.types.includes(TASK_DRAG_TYPE);
  return (
    <section
      className={`task-column${over ? ' task-column--over' : ''}`}
      aria-labelledby={headingId}
      onDragOver={(event) => {
        if (!writable || !accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        setOver(false);
        const taskId = event.dataTransfer.getData(TASK_DRAG_TYPE);
        if (!taskId || !writable) return;
        event.preventDefault();
        onDrop(taskId, status, dropIndex(event, taskId));
      }}
    >
      <h3 id={headingId} className="task-column__heading">
        <span>{t(`tasks.columns.${status}`)}</span>
        <span className="task-column__count" aria-hidden="true">
          {tasks.length}
        </span>
        <span className="visually-hidden">{t('tasks.count', { n: tasks.length })}</span>
      </h3>
      {tasks.length === 0 ? <p className="task-column__empty muted">{emptyText}</p> : null}
      <ul className="task-column__cards">
        {tasks.map((task) => {
          const assignee = task.assignee === '' ? undefined : nameOf(task.assignee);
          return (
            <TaskCard
              key={task.id}
              task={task}
              assigneeName={assignee}
              canMove={(direction) => canMove(task, direction)}
              focusRequest={focus?.taskId === task.id ? focus : undefined}
              today={today}
              writable={writable}
              onEdit={() => onEdit(task)}
              onMove={(direction) => onMove(task, direction)}
            />
          );
        })}
      </ul>
    </section>
  );
}
