import { useCallback, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { draftsMap } from './draftSchema.ts';
import { readDrafts, type DraftListing } from './readDrafts.ts';

/** The validated draft list of `doc`, re-read only when the list or a title changes (not on typing). */
export function useDrafts(doc: Y.Doc): DraftListing {
  const snapshot = useRef<{ doc: Y.Doc; listing: DraftListing } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = draftsMap(doc);
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
        if (events.some((event) => !(event.target instanceof Y.Text))) {
          snapshot.current = null;
          onChange();
        }
      };
      map.observeDeep(observer);
      return () => map.unobserveDeep(observer);
    },
    [doc],
  );
  const getSnapshot = useCallback((): DraftListing => {
    if (snapshot.current?.doc !== doc) snapshot.current = { doc, listing: readDrafts(doc) };
    return snapshot.current.listing;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
