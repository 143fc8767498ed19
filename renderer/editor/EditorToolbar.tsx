import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Fragment, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ToolbarButton } from './ToolbarButton.tsx';
import { readToolbarState, toolbarItems } from './toolbarItems.tsx';

const NEXT: Readonly<Record<string, number>> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
};

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern): one Tab stop, arrow keys move between
 * buttons, Home/End jump to the ends. Every button has a name and, where one exists, a shortcut.
 */
export function EditorToolbar({
  editor,
  onEditLink,
  onOpenLink,
  onInsertImage,
}: {
  readonly editor: Editor;
  readonly onEditLink: () => void;
  readonly onOpenLink: () => void;
  /** Absent where images cannot be inserted (no button then). */
  readonly onInsertImage?: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: e }) => readToolbarState(e) });
  const items = toolbarItems(editor, state, t, {
    editLink: onEditLink,
    openLink: onOpenLink,
    ...(onInsertImage ? { insertImage: onInsertImage } : {}),
  });
  const [active, setActive] = useState(0);
  const focusable = items.map((item, index) => (item.disabled ? -1 : index)).filter((i) => i >= 0);
  const current = focusable.includes(active) ? active : (focusable[0] ?? 0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const position = focusable.indexOf(current);
    let next: number | undefined;
    if (event.key === 'Home') next = focusable[0];
    else if (event.key === 'End') next = focusable.at(-1);
    else if (NEXT[event.key] !== undefined) {
      const step = NEXT[event.key] ?? 0;
      next = focusable[(position + step + focusable.length) % focusable.length];
    }
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    const buttons = event.currentTarget.querySelectorAll<HTMLButtonElement>('button');
    buttons[next]?.focus();
  };

  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label={t('editor.toolbarLabel')}
      onKeyDown={onKeyDown}
    >
      {items.map((item, index) => (
        <Fragment key={item.id}>
          {item.group ? <span className="toolbar__separator" aria-hidden="true" /> : null}
          <ToolbarButton
            label={item.label}
            {...(item.keys ? { keys: item.keys } : {})}
            {...(item.pressed !== undefined &&
            item.id !== 'openLink' &&
            item.id !== 'horizontalRule'
              ? { pressed: item.pressed }
              : {})}
            disabled={item.disabled ?? false}
            tabIndex={index === current ? 0 : -1}
            onClick={() => {
              setActive(index);
              item.run();
            }}
          >
            {item.glyph}
          </ToolbarButton>
        </Fragment>
      ))}
    </div>
  );
}
