import { useCallback, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

/**
 * A value derived from a Y.Doc (re-read on any update) or from one shared type (re-read when it
 * or anything inside it changes). `read` must be stable (module-level or memoised); the value is
 * cached between changes, as useSyncExternalStore requires.
 */
export function useYValue<T>(
  source: Y.Doc | Y.Map<unknown> | Y.Array<unknown> | Y.XmlFragment,
  read: () => T,
): T {
  const cache = useRef<{ read: () => T; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const changed = (): void => {
        cache.current = null;
        onChange();
      };
      if (source instanceof Y.Doc) {
        source.on('update', changed);
        return () => source.off('update', changed);
      }
      source.observeDeep(changed);
      return () => source.unobserveDeep(changed);
    },
    [source],
  );
  const getSnapshot = useCallback((): T => {
    if (cache.current?.read !== read) cache.current = { read, value: read() };
    return cache.current.value;
  }, [read]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
