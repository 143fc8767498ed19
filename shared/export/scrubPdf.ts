import { PDFDict, PDFName, PDFStream, PDFString, type PDFDocument } from 'pdf-lib';
import { isDueDate } from '../cell/isDueDate.ts';
import { err, ok, type Result } from '../util/result.ts';
import { collectPdfGarbage } from './collectPdfGarbage.ts';
import { findPdfMarker } from './findPdfMarker.ts';
import { loadPdf } from './loadPdf.ts';
import type { PdfError } from './PdfError.ts';

const name = (key: string): PDFName => PDFName.of(key);

/** Keys removed from every dictionary: XMP, application private data, timestamps. */
const ANY_DICT = ['Metadata', 'PieceInfo', 'LastModified'].map(name);
/**
 * Catalog keys that can carry identifying data, hidden files or behaviour: document actions and
 * scripts, forms (field names and values), Web Capture data, threads, portfolios, permissions.
 */
const CATALOG = [
  'OpenAction',
  'AA',
  'AcroForm',
  'SpiderInfo',
  'Threads',
  'Collection',
  'URI',
  'Legal',
  'Perms',
].map(name);
/** Name trees that hold embedded files or scripts. */
const NAME_TREES = ['EmbeddedFiles', 'JavaScript', 'AlternatePresentations'].map(name);
/**
 * Page keys: annotations (comments, popups, attachments; a printed issue has none of its own),
 * page actions, thumbnails (a picture of possibly older content), article beads, Web Capture id.
 */
const PAGE = ['Annots', 'AA', 'Thumb', 'B', 'ID'].map(name);

const ANNOTATION_SUBTYPES = new Set(
  [
    'Text',
    'Link',
    'FreeText',
    'Line',
    'Square',
    'Circle',
    'Polygon',
    'PolyLine',
    'Highlight',
    'Underline',
    'Squiggly',
    'StrikeOut',
    'Stamp',
    'Caret',
    'Ink',
    'Popup',
    'FileAttachment',
    'Sound',
    'Movie',
    'Widget',
    'Screen',
    'PrinterMark',
    'TrapNet',
    'Watermark',
    '3D',
    'Redact',
    'RichMedia',
    'Projection',
  ].map(name),
);

/** /Type is optional in an annotation: one is also known by its subtype and its /Rect. */
const isAnnotation = (dict: PDFDict): boolean => {
  const subtype = dict.get(name('Subtype'));
  return (
    dict.get(name('Type')) === name('Annot') ||
    (subtype instanceof PDFName && ANNOTATION_SUBTYPES.has(subtype) && dict.has(name('Rect')))
  );
};

function stripDocument(pdf: PDFDocument, pdfDate: string): void {
  const context = pdf.context;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object;
    if (dict instanceof PDFDict) for (const key of ANY_DICT) dict.delete(key);
  }
  const catalog = pdf.catalog;
  for (const key of [...ANY_DICT, ...CATALOG]) catalog.delete(key);
  const names = catalog.lookupMaybe(name('Names'), PDFDict);
  if (names) for (const key of NAME_TREES) names.delete(key);
  for (const page of pdf.getPages()) for (const key of PAGE) page.node.delete(key);
  // An annotation can stay reachable from elsewhere (a structure tree, another annotation's
  // Popup): delete the objects themselves; references left behind read as null.
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && isAnnotation(object)) context.delete(ref);
  }
  // A fresh Info with only the chosen date: title, author, subject, keywords, creator, producer
  // and the real times of creation and modification are gone.
  context.trailerInfo.Info = context.register(
    context.obj({ CreationDate: PDFString.of(pdfDate), ModDate: PDFString.of(pdfDate) }),
  );
  // The file identifier would link this file to others made on the same machine.
  context.trailerInfo.ID = undefined;
  collectPdfGarbage(context);
}

/**
 * Removes from a PDF everything that could point back at who made it or when: the Info
 * dictionary (replaced by one holding only the chosen date at 00:00 UTC), XMP metadata in the
 * catalog and in every object, the trailer's file ID, private application data, page timestamps,
 * annotations (comments, popups, attachments), embedded files and scripts, forms, and every
 * object left unreferenced. Saved without object streams, then the bytes are checked for the
 * app's and the engine's names; a hit is an error, never a file.
 */
export async function scrubPdf(
  pdf: Uint8Array,
  chosenDate: string,
): Promise<Result<Uint8Array, PdfError>> {
  if (!isDueDate(chosenDate)) return err('invalid-date');
  const loaded = await loadPdf(pdf);
  if (!loaded.ok) return loaded;
  let bytes: Uint8Array;
  try {
    stripDocument(loaded.value, `D:${chosenDate.replace(/-/g, '')}000000Z`);
    bytes = await loaded.value.save({
      useObjectStreams: false,
      updateFieldAppearances: false,
      addDefaultPage: false,
    });
  } catch (error) {
    return err('invalid-pdf', error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
  const marker = findPdfMarker(bytes);
  return marker === undefined ? ok(bytes) : err('leak', marker);
}
