import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { err, ok, type Result } from '../util/result.ts';
import { grayContentStream, type GrayContentError } from './grayContentStream.ts';
import { grayImage } from './grayImage.ts';
import { loadPdf } from './loadPdf.ts';
import type { PdfError } from './PdfError.ts';

export type BlackOnlyError = PdfError | GrayContentError | 'colour-image';

const name = (key: string): PDFName => PDFName.of(key);

/** Bytes as Latin-1 text, one char per byte (TextDecoder's 'latin1' is windows-1252). */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return text;
}

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

class Walker {
  private readonly seen = new Set<string>();
  constructor(private readonly context: PDFContext) {}

  /** Rewrites the content stream behind `ref` in gray, once however often it is used. */
  content(ref: PDFObject | undefined): Result<void, BlackOnlyError> {
    if (ref instanceof PDFArray) {
      for (const part of ref.asArray()) {
        const done = this.content(part);
        if (!done.ok) return done;
      }
      return ok(undefined);
    }
    if (!(ref instanceof PDFRef)) return ref === undefined ? ok(undefined) : err('malformed');
    if (this.seen.has(ref.toString())) return ok(undefined);
    this.seen.add(ref.toString());
    const stream = this.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return err('malformed');
    let decoded: Uint8Array;
    try {
      decoded = decodePDFRawStream(stream).decode();
    } catch {
      return err('malformed');
    }
    const gray = grayContentStream(latin1(decoded));
    if (!gray.ok) return gray;
    const dict = stream.dict.clone(this.context);
    for (const key of ['Filter', 'DecodeParms', 'Length']) dict.delete(name(key));
    const replaced = this.context.flateStream(bytesOf(gray.value));
    for (const [key, value] of dict.entries()) replaced.dict.set(key, value);
    this.context.assign(ref, replaced);
    return ok(undefined);
  }

  /**
   * A Type 3 font draws its glyphs with content streams of its own (Chromium uses one for colour
   * emoji, as images): those are rewritten and checked like a page's.
   */
  private type3(ref: PDFObject): Result<void, BlackOnlyError> {
    const font = this.context.lookup(ref);
    if (!(font instanceof PDFDict) || font.get(name('Subtype')) !== name('Type3')) {
      return ok(undefined);
    }
    const key = `font ${ref.toString()}`;
    if (this.seen.has(key)) return ok(undefined);
    this.seen.add(key);
    const procs = this.context.lookup(font.get(name('CharProcs')));
    if (procs instanceof PDFDict) {
      for (const [, proc] of procs.entries()) {
        const done = this.content(proc);
        if (!done.ok) return done;
      }
    }
    return this.resources(font.get(name('Resources')));
  }

  /**
   * Form XObjects are rewritten too; an RGB image as Chromium prints a picture is redrawn in gray
   * (grayImage), any other must already be gray; no patterns or shadings.
   */
  resources(value: PDFObject | undefined): Result<void, BlackOnlyError> {
    const resources = value === undefined ? undefined : this.context.lookup(value);
    if (!(resources instanceof PDFDict)) return ok(undefined);
    for (const key of ['Pattern', 'Shading']) {
      const dict = this.context.lookup(resources.get(name(key)));
      if (dict instanceof PDFDict && dict.keys().length > 0) return err('unsupported-colour');
    }
    const fonts = this.context.lookup(resources.get(name('Font')));
    if (fonts instanceof PDFDict) {
      for (const [, ref] of fonts.entries()) {
        const done = this.type3(ref);
        if (!done.ok) return done;
      }
    }
    const xobjects = this.context.lookup(resources.get(name('XObject')));
    if (!(xobjects instanceof PDFDict)) return ok(undefined);
    for (const [, ref] of xobjects.entries()) {
      const object = this.context.lookup(ref);
      if (!(object instanceof PDFRawStream)) return err('malformed');
      const subtype = object.dict.get(name('Subtype'));
      if (subtype === name('Image')) {
        if (object.dict.get(name('ImageMask')) === PDFBool.True) continue;
        if (!(ref instanceof PDFRef)) return err('malformed');
        if (this.seen.has(`image ${ref.toString()}`)) continue;
        this.seen.add(`image ${ref.toString()}`);
        const gray = grayImage(this.context, object);
        if (!gray.ok) return err('colour-image', gray.detail);
        if (gray.value !== 'gray') this.context.assign(ref, gray.value);
      } else if (subtype === name('Form')) {
        if (this.seen.has(`resources ${ref.toString()}`)) continue;
        this.seen.add(`resources ${ref.toString()}`);
        const done = this.content(ref);
        if (!done.ok) return done;
        const inner = this.resources(object.dict.get(name('Resources')));
        if (!inner.ok) return inner;
      } else return err('malformed');
    }
    return ok(undefined);
  }
}

/**
 * The PDF in black and gray only: every device colour in the pages' content (and in the forms
 * and Type 3 glyphs they draw) becomes its gray (DeviceGray `g`/`G`), so a printer is never asked for colour
 * toner; RGB pictures as Chromium prints them are redrawn in gray (grayImage), other images
 * must already be gray or masks. Anything drawn through a colour space, pattern, shading, inline
 * image or an image it cannot redraw (a passed-through JPEG) is refused ('unsupported-colour', 'inline-image', 'colour-image'),
 * never passed on in colour. It does not stop a colour laser printer's tracking dots: the
 * printer adds those to every page whatever it prints. Run before scrubPdf, whose sweep drops
 * the replaced streams.
 */
export async function blackOnlyPdf(bytes: Uint8Array): Promise<Result<Uint8Array, BlackOnlyError>> {
  const loaded = await loadPdf(bytes);
  if (!loaded.ok) return loaded;
  const pdf = loaded.value;
  const walker = new Walker(pdf.context);
  for (const page of pdf.getPages()) {
    const content = walker.content(page.node.get(name('Contents')));
    if (!content.ok) return content;
    const resources = walker.resources(page.node.Resources());
    if (!resources.ok) return resources;
  }
  try {
    return ok(await pdf.save({ useObjectStreams: false, updateFieldAppearances: false }));
  } catch {
    return err('invalid-pdf');
  }
}
