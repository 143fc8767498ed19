import { isColour } from '../../shared/identity/palette.ts';

const NAME_MAX = 40;
const FALLBACK_COLOUR = '#59616b';

/** A peer's awareness `user` as we are willing to show it: a bounded name and a palette colour. */
export function caretUser(user: Record<string, unknown>): { name: string; color: string } {
  const name = typeof user['name'] === 'string' ? user['name'].slice(0, NAME_MAX) : '';
  const color = isColour(user['color']) ? user['color'] : FALLBACK_COLOUR;
  return { name, color };
}

/** The caret of another member: a coloured bar with their pseudonym above it (text only, aria-hidden). */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const { name, color } = caretUser(user);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  // Hidden from screen readers: read inline, the name broke into the sentence being read.
  // PresenceAnnouncer says who joins and leaves instead.
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}

/** The selection of another member: their colour, translucent. */
export function renderSelection(user: Record<string, unknown>): Record<string, string> {
  const { color } = caretUser(user);
  return { style: `background-color: ${color}33`, class: 'collaboration-carets__selection' };
}
