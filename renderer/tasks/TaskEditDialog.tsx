import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_LIMITS } from '../../shared/cell/cellLimits.ts';
import type { PersonEntry } from '../../shared/cell/readPeople.ts';
import type { Task } from '../../shared/cell/Task.ts';
import { ModalDialog } from '../editor/ModalDialog.tsx';
import type { MemberView } from '../session/CellSession.ts';

export interface TaskDraft {
  readonly title: string;
  readonly notes: string;
  readonly assignee: string;
  readonly due: string;
  readonly labels: readonly string[];
  readonly exposing: boolean;
}

/** Edits every field of one task; nothing is written until Save. */
export function TaskEditDialog({
  task,
  members,
  personOf,
  nameOf,
  actions,
  onSave,
  onClose,
}: {
  readonly task: Task | undefined;
  readonly members: readonly MemberView[];
  readonly personOf: (signPkHex: string) => PersonEntry | undefined;
  /** A former member's name ("Boris (removed)") for an assignee no longer in the roster. */
  readonly nameOf: (signPkHex: string) => string;
  /** Archive / trash / put back, for someone allowed (TasksScreen decides). */
  readonly actions?: ReactNode;
  readonly onSave: (task: Task, change: TaskDraft) => void;
  readonly onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <ModalDialog
      open={task !== undefined}
      labelledBy={titleId}
      onClose={onClose}
      className="task-editor"
    >
      <h2 id={titleId}>{t('tasks.editTitle')}</h2>
      {actions}
      {task ? (
        <TaskFields
          key={task.id}
          task={task}
          members={members}
          personOf={personOf}
          nameOf={nameOf}
          onSave={onSave}
          onClose={onClose}
        />
      ) : null}
    </ModalDialog>
  );
}

function TaskFields({
  task,
  members,
  personOf,
  nameOf,
  onSave,
  onClose,
}: {
  readonly task: Task;
  readonly members: readonly MemberView[];
  readonly personOf: (signPkHex: string) => PersonEntry | undefined;
  /** A former member's name ("Boris (removed)") for an assignee no longer in the roster. */
  readonly nameOf: (signPkHex: string) => string;
  readonly onSave: (task: Task, change: TaskDraft) => void;
  readonly onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(task.title);
  const [notes, setNotes] = useState(task.notes);
  const [assignee, setAssignee] = useState(task.assignee);
  const [due, setDue] = useState(task.due);
  const [labels, setLabels] = useState(task.labels.join(', '));
  const [exposing, setExposing] = useState(task.exposing);
  const assignable = members.filter((member) => member.role !== 'relay');
  const unknownAssignee = assignee !== '' && !assignable.some((m) => m.signPkHex === assignee);
  const placeName = (signPkHex: string): string => {
    const person = personOf(signPkHex);
    if (person?.overwritten) return ` (${t('tasks.inside.overwritten')})`;
    const inside = person?.insideCountry;
    return inside === undefined
      ? ''
      : ` (${t(inside ? 'tasks.inside.short' : 'tasks.abroad.short')})`;
  };
  return (
    <form
      className="task-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim() === '') return;
        onSave(task, { title, notes, assignee, due, labels: labels.split(','), exposing });
      }}
    >
      <label htmlFor={`${id}-title`}>{t('tasks.fields.title')}</label>
      <input
        id={`${id}-title`}
        type="text"
        value={title}
        required
        maxLength={CELL_LIMITS.titleMaxChars}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${id}-notes`}>{t('tasks.fields.notes')}</label>
      <textarea
        id={`${id}-notes`}
        value={notes}
        rows={3}
        maxLength={CELL_LIMITS.notesMaxChars}
        onChange={(e) => setNotes(e.target.value)}
      />
      <label htmlFor={`${id}-assignee`}>{t('tasks.fields.assignee')}</label>
      <select id={`${id}-assignee`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">{t('tasks.nobody')}</option>
        {unknownAssignee ? <option value={assignee}>{nameOf(assignee)}</option> : null}
        {assignable.map((member) => (
          <option key={member.signPkHex} value={member.signPkHex}>
            {(member.isMe ? t('tasks.meNamed', { name: member.pseudonym }) : member.pseudonym) +
              placeName(member.signPkHex)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-due`}>{t('tasks.fields.due')}</label>
      <input
        id={`${id}-due`}
        type="date"
        value={due}
        min="2000-01-01"
        max="2999-12-31"
        onChange={(e) => setDue(e.target.value)}
      />
      <label htmlFor={`${id}-labels`}>{t('tasks.fields.labels')}</label>
      <input
        id={`${id}-labels`}
        type="text"
        value={labels}
        aria-describedby={`${id}-labels-hint`}
        onChange={(e) => setLabels(e.target.value)}
      />
      <p id={`${id}-labels-hint`} className="muted small">
        {t('tasks.fields.labelsHint')}
      </p>
      <div className="check-field">
        <input
          id={`${id}-exposing`}
          type="checkbox"
          checked={exposing}
          aria-describedby={`${id}-exposing-hint`}
          onChange={(e) => setExposing(e.target.checked)}
        />
        <label htmlFor={`${id}-exposing`}>{t('tasks.fields.exposing')}</label>
        <p id={`${id}-exposing-hint`} className="check-field__hint muted">
          {t('tasks.fields.exposingHint')}
        </p>
      </div>
      <div className="modal__actions">
        <button type="button" className="button--quiet" onClick={onClose}>
          {t('tasks.cancel')}
        </button>
        <button type="submit" disabled={title.trim() === ''}>
          {t('tasks.save')}
        </button>
      </div>
    </form>
  );
}
