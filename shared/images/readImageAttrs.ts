import { cleanLine } from '../cell/cleanLine.ts';
import { IMAGE_LIMITS } from './imageLimits.ts';
import { imageDocId } from './imageDocId.ts';

/** The attributes of an image node, as the editor writes them. */
export interface ImageAttrs {
  readonly id: string;
  /** Empty only when `decorative`. */
  readonly alt: string;
  readonly caption: string;
  readonly decorative: boolean;
  readonly width: number;
  readonly height: number;
}

/**
 * One line of text, without format characters (zero-width, bidi overrides, tags, soft hyphens):
 * invisible on screen and in print, they could carry a mark that tells one copy from another.
 */
const text = (value: unknown, max: number): string =>
  typeof value === 'string' ? cleanLine(value.slice(0, 4 * max).replace(/\p{Cf}/gu, ''), max) : '';
const side = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1
    ? Math.min(value, IMAGE_LIMITS.storedMaxSide)
    : 1;

/**
 * An image node's attributes as another member wrote them (anything may arrive through the
 * shared document): an id that names an image document, or undefined; texts cut to their limits;
 * sizes in range. The view shows a placeholder for undefined.
 */
export function readImageAttrs(attrs: Record<string, unknown>): ImageAttrs | undefined {
  const id = attrs['id'];
  if (typeof id !== 'string' || imageDocId(id) === undefined) return undefined;
  return {
    id,
    alt: text(attrs['alt'], IMAGE_LIMITS.altMaxChars),
    caption: text(attrs['caption'], IMAGE_LIMITS.captionMaxChars),
    decorative: attrs['decorative'] === true,
    width: side(attrs['width']),
    height: side(attrs['height']),
  };
}
