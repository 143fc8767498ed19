/** A value or a typed failure: protocol code returns these instead of throwing across boundaries. */
export type Result<T, E extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E; readonly detail?: string };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

export const err = <E extends string>(
  error: E,
  detail?: string,
): { readonly ok: false; readonly error: E; readonly detail?: string } =>
  detail === undefined ? { ok: false, error } : { ok: false, error, detail };
