/** Per-proxy cache of methods bound to the real object. */
export type BoundMethods = Map<
  string | symbol,
  { readonly original: unknown; readonly bound: unknown }
>;

/**
 * Proxy `get` fallback shared by the connection and channel wrappers: reads through to the real
 * object with the real object as receiver (native getters and methods reject a proxy as `this`),
 * and binds inherited methods to it once so identity stays stable (`pc.close === pc.close`).
 * Own properties are returned as they are: a non-writable, non-configurable own property must be
 * reported unchanged (a Proxy invariant), which @roamhq/wrtc has (`_pc`).
 */
export function forwardToTarget(
  target: object,
  prop: string | symbol,
  cache: BoundMethods,
): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  if (typeof value !== 'function' || Object.prototype.hasOwnProperty.call(target, prop))
    return value;
  const hit = cache.get(prop);
  if (hit !== undefined && hit.original === value) return hit.bound;
  const fn = value as (...args: unknown[]) => unknown;
  const bound = (...args: unknown[]): unknown => fn.apply(target, args);
  // simple-peer tells callback-style from promise-style getStats by its declared arity.
  Object.defineProperty(bound, 'length', { value: fn.length });
  cache.set(prop, { original: value, bound });
  return bound;
}
