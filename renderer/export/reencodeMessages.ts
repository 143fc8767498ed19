/**
 * Page → re-encoding worker: the bytes of an image document that passed readImageDoc, and the
 * pixel size to redraw it at (printImageSize: never larger than the image; absent: its own).
 */
export interface ReencodeRequest {
  readonly bytes: Uint8Array;
  readonly fit?: { readonly width: number; readonly height: number };
}

export type ReencodeError = 'undecodable' | 'malformed' | 'timeout' | 'crashed';

export type ReencodeResponse =
  | {
      readonly ok: true;
      /** A PNG the worker's canvas encoded from the decoded pixels; nothing else of the input. */
      readonly bytes: Uint8Array;
      readonly width: number;
      readonly height: number;
    }
  | { readonly ok: false; readonly error: ReencodeError };

const isSide = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 16_384;

/** The worker's answer if it has the expected shape; anything else counts as a crash. */
export function parseReencodeResponse(data: unknown): ReencodeResponse | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const r = data as Record<string, unknown>;
  if (r['ok'] === false)
    return r['error'] === 'undecodable' || r['error'] === 'malformed'
      ? { ok: false, error: r['error'] }
      : undefined;
  const { bytes, width, height } = r;
  if (r['ok'] !== true || !(bytes instanceof Uint8Array) || !isSide(width) || !isSide(height))
    return undefined;
  return { ok: true, bytes, width, height };
}
