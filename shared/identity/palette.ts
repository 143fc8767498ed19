import { randomBytes } from '../crypto/randomBytes.ts';

/**
 * Member colours (cursors, name chips). Each has a contrast ratio of at least 4.5:1 against white
 * (WCAG AA for white label text on the colour, and for the colour on a white page); checked by
 * tests/unit/identity. A colour never carries meaning alone: the pseudonym is always shown too.
 */
export const PALETTE = [
  '#B91C1C', // red
  '#C2410C', // orange
  '#A16207', // amber
  '#4D7C0F', // lime
  '#15803D', // green
  '#0F766E', // teal
  '#0369A1', // sky
  '#1D4ED8', // blue
  '#4338CA', // indigo
  '#6D28D9', // violet
  '#A21CAF', // fuchsia
  '#BE185D', // pink
] as const;

export type Colour = (typeof PALETTE)[number];

export const isColour = (v: unknown): v is Colour =>
  typeof v === 'string' && (PALETTE as readonly string[]).includes(v);

/** A uniformly random palette colour (rejection sampling: no modulo bias). */
export function randomColour(): Colour {
  const limit = 256 - (256 % PALETTE.length);
  for (;;) {
    const b = randomBytes(1)[0] ?? 255;
    if (b < limit) return PALETTE[b % PALETTE.length] ?? PALETTE[0];
  }
}
