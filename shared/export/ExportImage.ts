/**
 * An image as the exports print it: PNG bytes the exporting app encoded itself from decoded
 * pixels (renderer/export/reencodeImage.worker.ts), never the bytes a peer wrote into the image
 * document, and their size in pixels. Keyed by image id in an `ExportImages` map.
 */
export interface ExportImage {
  readonly mime: 'image/png';
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type ExportImages = ReadonlyMap<string, ExportImage>;
