import { createContext } from 'react';
import type { ImageStore } from './ImageStore.ts';

/**
 * The open cell's images, for every editor below (the draft and its version viewer): image views
 * read their documents through it; the draft editor inserts through it when it has the index.
 */
export const ImageStoreContext = createContext<ImageStore | undefined>(undefined);
