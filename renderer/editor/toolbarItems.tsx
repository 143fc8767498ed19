import type { ChainedCommands, Editor } from '@tiptap/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { toolbarIcons } from './toolbarIcons.tsx';

export interface ToolbarItem {
  readonly id: string;
  readonly label: string;
  readonly glyph: ReactNode;
  readonly keys?: string;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  /** Starts a group: a thin separator is drawn before it. */
  readonly group?: boolean;
  readonly run: () => void;
}

export interface ToolbarState {
  readonly marks: Readonly<Record<string, boolean>>;
  readonly inLink: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** Reads what the toolbar shows as pressed or disabled (useEditorState selector). */
export const readToolbarState = (editor: Editor): ToolbarState => ({
  marks: {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    heading1: editor.isActive('heading', { level: 1 }),
    heading2: editor.isActive('heading', { level: 2 }),
    heading3: editor.isActive('heading', { level: 3 }),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
  },
  inLink: editor.isActive('link'),
  canUndo: editor.can().undo(),
  canRedo: editor.can().redo(),
});

/** The buttons of the formatting toolbar, in order. */
export function toolbarItems(
  editor: Editor,
  state: ToolbarState,
  t: TFunction,
  actions: {
    readonly editLink: () => void;
    readonly openLink: () => void;
    readonly insertImage?: () => void;
  },
): ToolbarItem[] {
  const chain = (apply: (c: ChainedCommands) => ChainedCommands) => () => {
    apply(editor.chain().focus()).run();
  };
  const heading = (level: 1 | 2 | 3, group?: boolean): ToolbarItem => ({
    id: `heading${level}`,
    label: t(`editor.heading${level}`),
    glyph: `H${level}`,
    keys: `Mod-Alt-${level}`,
    pressed: state.marks[`heading${level}`] ?? false,
    ...(group ? { group } : {}),
    run: chain((c) => c.toggleHeading({ level })),
  });
  return [
    {
      id: 'bold',
      label: t('editor.bold'),
      glyph: <b>B</b>,
      keys: 'Mod-b',
      pressed: state.marks['bold'] ?? false,
      run: chain((c) => c.toggleBold()),
    },
    {
      id: 'italic',
      label: t('editor.italic'),
      glyph: <i>I</i>,
      keys: 'Mod-i',
      pressed: state.marks['italic'] ?? false,
      run: chain((c) => c.toggleItalic()),
    },
    heading(1, true),
    heading(2),
    heading(3),
    {
      id: 'bulletList',
      label: t('editor.bulletList'),
      glyph: toolbarIcons.bulletList,
      keys: 'Mod-Shift-8',
      pressed: state.marks['bulletList'] ?? false,
      group: true,
      run: chain((c) => c.toggleBulletList()),
    },
    {
      id: 'orderedList',
      label: t('editor.orderedList'),
      glyph: toolbarIcons.orderedList,
      keys: 'Mod-Shift-7',
      pressed: state.marks['orderedList'] ?? false,
      run: chain((c) => c.toggleOrderedList()),
    },
    {
      id: 'blockquote',
      label: t('editor.blockquote'),
      glyph: toolbarIcons.blockquote,
      keys: 'Mod-Shift-b',
      pressed: state.marks['blockquote'] ?? false,
      run: chain((c) => c.toggleBlockquote()),
    },
    {
      id: 'horizontalRule',
      label: t('editor.horizontalRule'),
      glyph: toolbarIcons.horizontalRule,
      run: chain((c) => c.setHorizontalRule()),
    },
    {
      id: 'link',
      label: t('editor.link'),
      glyph: toolbarIcons.link,
      keys: 'Mod-k',
      pressed: state.inLink,
      group: true,
      run: actions.editLink,
    },
    {
      id: 'openLink',
      label: t('editor.openLink'),
      glyph: toolbarIcons.openLink,
      disabled: !state.inLink,
      run: actions.openLink,
    },
    ...(actions.insertImage
      ? [
          {
            id: 'image',
            label: t('images.insert'),
            glyph: toolbarIcons.image,
            group: true,
            run: actions.insertImage,
          },
        ]
      : []),
    {
      id: 'undo',
      label: t('editor.undo'),
      glyph: toolbarIcons.undo,
      keys: 'Mod-z',
      disabled: !state.canUndo,
      group: true,
      run: chain((c) => c.undo()),
    },
    {
      id: 'redo',
      label: t('editor.redo'),
      glyph: toolbarIcons.redo,
      keys: 'Mod-Shift-z',
      disabled: !state.canRedo,
      run: chain((c) => c.redo()),
    },
  ];
}
