import type { ClientAuthors } from './ClientAuthors.ts';
import { CELL_LIMITS } from './cellLimits.ts';
import { entryMap, fields } from './fields.ts';
import { isEntryId, isSignPkHex } from './ids.ts';
import { isDueDate } from './isDueDate.ts';
import type { Task } from './Task.ts';
import { isTaskStatus } from './TaskStatus.ts';
import { creatorOf } from './writerOf.ts';

function readLabels(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > CELL_LIMITS.labelsMax) return undefined;
  const labels: string[] = [];
  for (const label of value as unknown[]) {
    if (typeof label !== 'string' || label === '' || label.length > CELL_LIMITS.labelMaxChars) {
      return undefined;
    }
    labels.push(label);
  }
  return labels;
}

/**
 * One entry of the board's 'tasks' map, validated; undefined if a peer wrote it malformed.
 * Optional fields (notes, assignee, due, labels, exposing) take their empty value when absent.
 * With `authors`, `createdBy` is the verified writer of the task's entry ('' if unknown) and the
 * stored 'createdBy' field is ignored; without, it is the stored field (display only).
 */
export function readTask(id: string, value: unknown, authors?: ClientAuthors): Task | undefined {
  const map = entryMap(value);
  if (!map || !isEntryId(id)) return undefined;
  const title = fields.string(map, 'title', CELL_LIMITS.titleMaxChars);
  const notes = fields.optional(map, 'notes', '', () =>
    fields.string(map, 'notes', CELL_LIMITS.notesMaxChars),
  );
  const status = map.get('status');
  const order = map.get('order');
  const assignee = fields.optional(map, 'assignee', '', () => {
    const value = map.get('assignee');
    return value === '' || isSignPkHex(value) ? value : undefined;
  });
  const due = fields.optional(map, 'due', '', () => {
    const value = map.get('due');
    return value === '' || isDueDate(value) ? value : undefined;
  });
  const labels = fields.optional<string[]>(map, 'labels', [], () => readLabels(map.get('labels')));
  const exposing = fields.optional(map, 'exposing', false, () => fields.boolean(map, 'exposing'));
  const createdAt = fields.count(map, 'createdAt');
  const createdBy = map.get('createdBy');
  if (
    title === undefined ||
    notes === undefined ||
    !isTaskStatus(status) ||
    typeof order !== 'number' ||
    !Number.isFinite(order) ||
    assignee === undefined ||
    due === undefined ||
    labels === undefined ||
    exposing === undefined ||
    createdAt === undefined ||
    !isSignPkHex(createdBy)
  ) {
    return undefined;
  }
  const creator = authors ? (creatorOf(map, authors) ?? '') : createdBy;
  return {
    id,
    title,
    notes,
    status,
    order,
    assignee,
    due,
    labels,
    exposing,
    createdAt,
    createdBy: creator,
  };
}
