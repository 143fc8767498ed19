import { session, type Session } from 'electron';
import type { PdfOptions, PlatformError } from '../../shared/platform/ipcContract.ts';
import { err, ok, type Result } from '../../shared/util/result.ts';
import { createHardenedWindow } from './createHardenedWindow.ts';
import { APP_ORIGIN, APP_SCHEME } from './policy/appOrigin.ts';

/** In-memory partition (no "persist:"): nothing of the printed issue reaches the disk. */
const PARTITION = 'quire-print';
const PRINT_URL = `${APP_ORIGIN}/print.html`;
/** The printed page may show inline styles and data: images and fonts, and load nothing else. */
const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
const MM_PER_INCH = 25.4;

let printSession: Session | undefined;
let pendingHtml: string | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * The print session serves exactly one in-memory document at app://quire/print.html and refuses
 * every other request, so the HTML cannot reach the network even through CSS or images.
 */
const getPrintSession = (): Session => {
  if (printSession !== undefined) return printSession;
  const ses = session.fromPartition(PARTITION, { cache: false });
  ses.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: details.url !== PRINT_URL && !details.url.startsWith('data:') });
  });
  ses.protocol.handle(APP_SCHEME, (request) => {
    const html = request.url === PRINT_URL ? pendingHtml : undefined;
    if (html === undefined) return new Response(null, { status: 404 });
    return new Response(html, {
      status: 200,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': PRINT_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  printSession = ses;
  return ses;
};

const render = async (
  html: string,
  options: PdfOptions,
): Promise<Result<{ pdf: Uint8Array }, PlatformError>> => {
  const ses = getPrintSession();
  // JavaScript off: the document is data to lay out, never code to run.
  const win = createHardenedWindow({
    session: ses,
    devTools: false,
    javascript: false,
    window: { show: false },
  });
  pendingHtml = html;
  try {
    await win.loadURL(PRINT_URL);
    const margin = options.marginMm / MM_PER_INCH;
    const pdf = await win.webContents.printToPDF({
      pageSize: options.pageSize,
      landscape: options.landscape,
      printBackground: options.printBackground,
      margins: { top: margin, bottom: margin, left: margin, right: margin },
      generateTaggedPDF: true,
    });
    return ok({ pdf: new Uint8Array(pdf) });
  } catch {
    return err('failed');
  } finally {
    pendingHtml = undefined;
    win.destroy();
  }
};

/** Renders self-contained HTML to PDF in a hidden, script-less, offline window. One at a time. */
export const printHtmlToPdf = (
  html: string,
  options: PdfOptions,
): Promise<Result<{ pdf: Uint8Array }, PlatformError>> => {
  const run = queue.then(() => render(html, options));
  queue = run.catch(() => undefined);
  return run;
};
