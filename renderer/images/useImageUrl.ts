import { useEffect, useState } from 'react';
import { imageDocId } from '../../shared/images/imageDocId.ts';
import type { ImageStore } from './ImageStore.ts';
import { readShownImage } from './readShownImage.ts';

export type ImageState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly url: string }
  /** `notCanonical`: well-formed, but not in the sanitiser's form (it may carry metadata). */
  | { readonly kind: 'refused'; readonly notCanonical?: boolean };

/**
 * A blob URL for the image document `id`, once what arrived passes readShownImage (checked again on
 * every change of the document); 'loading' until it arrives, 'refused' when it fails. The URL is
 * revoked when the image changes or the view goes.
 */
export function useImageUrl(store: ImageStore | undefined, id: string | undefined): ImageState {
  const [state, setState] = useState<ImageState>({ kind: 'loading' });
  useEffect(() => {
    const docId = id === undefined ? undefined : imageDocId(id);
    if (!store || !docId) {
      setState({ kind: 'refused' });
      return;
    }
    const doc = store.doc(docId);
    let url: string | undefined;
    const show = (): void => {
      if (url) URL.revokeObjectURL(url);
      url = undefined;
      const shown = readShownImage(store, id ?? '', doc);
      if (shown.kind === 'ready') {
        url = URL.createObjectURL(
          new Blob([new Uint8Array(shown.image.bytes)], { type: shown.image.mime }),
        );
        setState({ kind: 'ready', url });
      } else setState(shown);
    };
    show();
    doc.on('update', show);
    return () => {
      doc.off('update', show);
      if (url) URL.revokeObjectURL(url);
    };
  }, [store, id]);
  return state;
}
