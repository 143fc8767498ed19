import type { Theme } from '../settings/AppSettings.ts';

/** 'system' follows the OS (prefers-color-scheme); light and dark override it (styles.css). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
}
