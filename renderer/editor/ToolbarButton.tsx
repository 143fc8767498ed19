import type { ReactElement, ReactNode } from 'react';
import { shortcut } from './shortcut.ts';

/** A toolbar button named by `label` (its visible glyph is decorative), with its shortcut. */
export function ToolbarButton({
  label,
  keys,
  pressed,
  disabled,
  tabIndex,
  onClick,
  children,
}: {
  readonly label: string;
  readonly keys?: string;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  /** 0 for the one button of the toolbar that Tab reaches (roving focus), else -1. */
  readonly tabIndex: number;
  readonly onClick: () => void;
  readonly children: ReactNode;
}): ReactElement {
  const keyInfo = keys === undefined ? undefined : shortcut(keys);
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keyInfo?.aria}
      title={keyInfo ? `${label} (${keyInfo.text})` : label}
      disabled={disabled}
      tabIndex={tabIndex}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
