import type { CoverRegion } from '../../shared/images/coverRegions.ts';
import type { MetadataItem } from '../../shared/images/MetadataItem.ts';
import type { ImageHeaderError, ImageMime } from '../../shared/images/parseImageHeader.ts';

/** Page → sanitising worker: the original file's bytes (transferred), noise, regions to cover. */
export interface SanitizeRequest {
  readonly bytes: Uint8Array;
  readonly noise: boolean;
  readonly regions: readonly CoverRegion[];
}

/** Why an image was refused (worker errors, and the page's own: timeout, crash, file size). */
export type SanitizeError =
  | ImageHeaderError
  | 'undecodable'
  | 'too_big_encoded'
  | 'not_canonical'
  | 'file_too_large'
  | 'timeout'
  | 'crashed';

export type SanitizeResponse =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly mime: ImageMime;
      readonly width: number;
      readonly height: number;
      /** What the original carried (all of it gone from `bytes`). */
      readonly removed: readonly MetadataItem[];
    }
  | { readonly ok: false; readonly error: SanitizeError };

const ERRORS: readonly string[] = [
  'wrong_magic',
  'truncated',
  'malformed',
  'too_large',
  'undecodable',
  'too_big_encoded',
  'not_canonical',
];

/** The worker's answer if it has the expected shape; anything else counts as a crash. */
export function parseSanitizeResponse(data: unknown): SanitizeResponse | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const r = data as Record<string, unknown>;
  if (r['ok'] === false)
    return typeof r['error'] === 'string' && ERRORS.includes(r['error'])
      ? { ok: false, error: r['error'] as SanitizeError }
      : undefined;
  const { bytes, mime, width, height, removed } = r;
  if (
    r['ok'] !== true ||
    !(bytes instanceof Uint8Array) ||
    (mime !== 'image/webp' && mime !== 'image/jpeg') ||
    typeof width !== 'number' ||
    typeof height !== 'number' ||
    !Array.isArray(removed)
  )
    return undefined;
  return { ok: true, bytes, mime, width, height, removed: removed as MetadataItem[] };
}
