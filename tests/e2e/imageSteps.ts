import type { Locator, Page } from '@playwright/test';
import { jpegWithExif, pngWithText, webpWithXmp } from '../support/imageCorpus.ts';
import { expect } from './fixtures.ts';

export interface CorpusImage {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/**
 * The identifying corpus (tests/support/imageCorpus.ts) around real pixels: a 1200 × 900 canvas
 * of gradients and noise, encoded by the page's Chromium as JPEG, PNG and (lossy, simple) WebP,
 * then given EXIF with GPS, serials and a thumbnail, text chunks and XMP by hand.
 */
export async function makeCorpus(page: Page): Promise<CorpusImage[]> {
  const [jpeg, png, webp] = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1200, 900);
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('no 2d context');
    const gradient = ctx.createLinearGradient(0, 0, 1200, 900);
    gradient.addColorStop(0, '#2a6f97');
    gradient.addColorStop(1, '#f4a261');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 1200, 900);
    for (let i = 0; i < 400; i++) {
      ctx.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
      ctx.fillRect((i * 97) % 1200, (i * 61) % 900, 30, 20);
    }
    const out: number[][] = [];
    for (const type of ['image/jpeg', 'image/png', 'image/webp'])
      out.push([
        ...new Uint8Array(await (await canvas.convertToBlob({ type, quality: 0.8 })).arrayBuffer()),
      ]);
    return out;
  });
  const webpBase = Uint8Array.from(webp ?? []);
  return [
    {
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(jpegWithExif(Uint8Array.from(jpeg ?? []))),
    },
    {
      name: 'scan.png',
      mimeType: 'image/png',
      buffer: Buffer.from(pngWithText(Uint8Array.from(png ?? []))),
    },
    {
      name: 'shot.webp',
      mimeType: 'image/webp',
      buffer: Buffer.from(webpWithXmp(webpBase, 1200, 900)),
    },
  ];
}

/** Chooses `file` through the toolbar's Insert image button, in `scope` (a page or a pane). */
export async function chooseImage(
  page: Page,
  scope: Page | Locator,
  file: CorpusImage,
): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await scope.getByRole('button', { name: 'Insert image' }).click();
  await (await chooser).setFiles(file);
  return page.getByRole('dialog', { name: 'Insert an image' });
}

/** Pastes `file` into `editor` as the system clipboard would (a File in the paste's DataTransfer). */
export async function pasteImage(page: Page, editor: Locator, file: CorpusImage): Promise<Locator> {
  await editor.click();
  await editor.evaluate(
    (element, { bytes, name, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(bytes)], name, { type }));
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { bytes: [...file.buffer], name: file.name, type: file.mimeType },
  );
  return page.getByRole('dialog', { name: 'Insert an image' });
}

/** Describes and inserts the image the open dialog cleaned. */
export async function describeAndInsert(
  dialog: Locator,
  alt: string,
  caption: string,
): Promise<void> {
  await dialog.getByLabel('Describe the image for people who cannot see it (alt text)').fill(alt);
  await dialog.getByLabel('Caption (printed under the image)').fill(caption);
  await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Keeps every Blob the page turns into a URL (the CSP forbids fetching blob: URLs, rightly), so
 * shownBytes can read what an image shows. Test instrumentation only, installed on a live page.
 */
export async function recordBlobUrls(page: Page): Promise<void> {
  await page.evaluate(() => {
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource): string => {
      const url = create(object);
      if (object instanceof Blob) blobs.set(url, object);
      return url;
    };
    (window as unknown as { shownBlobs: Map<string, Blob> }).shownBlobs = blobs;
  });
}

/** The bytes an image in a draft shows (its blob, as the receiver validated it); recordBlobUrls first. */
export async function shownBytes(image: Locator): Promise<Uint8Array> {
  const bytes = await image.evaluate(async (img: HTMLImageElement) => {
    const blobs = (window as unknown as { shownBlobs: Map<string, Blob> }).shownBlobs;
    const blob = blobs.get(img.src);
    if (!blob) throw new Error('blob not recorded');
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Uint8Array.from(bytes);
}

/**
 * Makes the page act as an informer's modified app would: the sanitising worker still runs, but
 * its answer is swapped for the original file's bytes (metadata and all) before the app writes
 * them into the image document, so the cell holds them exactly as a peer's hostile app could
 * leave them. `on: false` puts the real behaviour back. Test instrumentation only.
 */
export async function skipSanitiser(page: Page, on: boolean): Promise<void> {
  await page.evaluate((enable) => {
    const w = window as unknown as { Worker: typeof Worker; realWorker?: typeof Worker };
    if (!enable) {
      if (w.realWorker) w.Worker = w.realWorker;
      return;
    }
    const Real = w.realWorker ?? w.Worker;
    w.realWorker = Real;
    w.Worker = class extends Real {
      private original: Uint8Array | undefined;
      private readonly sanitiser: boolean;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.sanitiser = String(url).includes('sanitizeImage');
      }
      override postMessage(message: unknown, transfer?: unknown): void {
        const bytes = (message as { bytes?: unknown } | null)?.bytes;
        if (this.sanitiser && bytes instanceof Uint8Array) this.original = bytes.slice();
        super.postMessage(message, transfer as Transferable[]);
      }
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage = (event: MessageEvent) => {
          const data = event.data as { ok?: unknown } | null;
          const forged =
            this.original && data?.ok === true
              ? new MessageEvent('message', {
                  data: { ...data, bytes: this.original, mime: 'image/jpeg' },
                })
              : event;
          handler?.call(this, forged);
        };
      }
      override get onmessage(): ((event: MessageEvent) => void) | null {
        return super.onmessage;
      }
    };
  }, on);
}
