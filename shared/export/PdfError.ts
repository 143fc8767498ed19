/**
 * Why a PDF was not imposed or scrubbed: not a PDF pdf-lib can read ('invalid-pdf'), over the
 * size cap, encrypted (nothing could be checked inside), a chosen date that is not YYYY-MM-DD,
 * or a scrubbed file that still carries a marker of the app or the engine ('leak', marker in
 * the detail). Nothing is returned then: an unscrubbed file never reaches the user.
 */
export type PdfError = 'invalid-pdf' | 'too-large' | 'encrypted' | 'invalid-date' | 'leak';

/** Far above an issue with embedded fonts (about 1 MB); a bound on what we parse. */
export const PDF_MAX_BYTES = 100 * 1024 * 1024;
