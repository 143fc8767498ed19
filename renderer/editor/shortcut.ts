const isApple = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * A ProseMirror-style shortcut ("Mod-Shift-8") as aria-keyshortcuts ("Control+Shift+8", or
 * "Meta+Shift+8" on Apple) and as text for a tooltip ("Ctrl+Shift+8" / "⌘⇧8").
 */
export function shortcut(keys: string): { readonly aria: string; readonly text: string } {
  const apple = isApple();
  const parts = keys.split('-');
  const aria = parts
    .map((part) =>
      part === 'Mod' ? (apple ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part,
    )
    .join('+');
  const names: Record<string, string> = apple
    ? { Mod: '⌘', Shift: '⇧', Alt: '⌥' }
    : { Mod: 'Ctrl', Shift: 'Shift', Alt: 'Alt' };
  const text = parts.map((part) => names[part] ?? part.toUpperCase()).join(apple ? '' : '+');
  return { aria, text };
}
