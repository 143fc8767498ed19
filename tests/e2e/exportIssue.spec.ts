import { writeFile } from 'node:fs/promises';
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import type { IssueLayout } from '../../shared/export/IssueLayout.ts';
import { blackOnlyPdf } from '../../shared/export/blackOnlyPdf.ts';
import { imposeBooklet } from '../../shared/export/imposeBooklet.ts';
import { scrubPdf } from '../../shared/export/scrubPdf.ts';
import {
  columnGaps,
  dataImages,
  datesIn,
  downloadFrom,
  expectInOrder,
  externalCssUrls,
  openHtml,
  pageContents,
  pdfImages,
  rawHits,
  readPdf,
  squash,
  urlAttributes,
} from './exportSteps.ts';
import { appUrl, createDraft, draftText, expect, serverUrls, test } from './fixtures.ts';
import {
  chooseImage,
  describeAndInsert,
  makeCorpus,
  recordBlobUrls,
  shownBytes,
  skipSanitiser,
} from './imageSteps.ts';
import { pngPixelsOnly } from '../../shared/export/pngPixelsOnly.ts';
import { secretsIn } from '../support/imageCorpus.ts';
import { createCell, createVault, VAULT_TIMEOUT_MS } from './shellSteps.ts';
import { checkScreen } from './checkScreen.ts';

/**
 * Issue #8 end to end in the real app: one person writes two Cyrillic drafts, composes an issue
 * in each layout, previews it page by page and exports it. The HTML file is checked for scripts,
 * external URLs and anything naming the cell or its member; Chromium then prints that very file
 * (the engine behind Electron's printToPDF), the shared code imposes and scrubs it, and pdf.js
 * reads the result back: every paragraph in order, page sizes, no metadata that could identify.
 * The Markdown export is imported back as a new draft and its formatting checked in the editor.
 * Issue #18: the two-column page's columns end level, a draft's printed headline replaces its
 * working title in every export, the same issue prints to the same bytes, and the black-only PDF
 * holds no colour. Images: the news has a photo that carried GPS, serials and an owner, inserted
 * through the sanitiser; the letter has the same photo, first as an informer's app would write it
 * skipping the sanitiser (refused), then sanitised. Both print with their captions in the preview, the HTML and
 * the PDF of every layout, re-encoded: no byte of metadata in any file, in any encoding.
 */

const CELL = 'Сосновый бор';
const PSEUDONYM = 'Ворона';
const DATE = '2025-11-07';
const MASTHEAD = 'Районный вестник';
const TAGLINE = 'Газета для соседей';
const LINK = 'https://example.org/sobranie';

const SENTENCES = [
  'Жильцы трёх домов на углу собрались в читальном зале и долго обсуждали двор.',
  'Ремонт крыльца обещали ещё весной, но подрядчик так и не появился.',
  'Соседка с третьего этажа принесла пирог, и разговор сразу стал спокойнее.',
  'Решили писать в управу вместе, а не поодиночке, и собрать подписи к пятнице.',
  'Дети нарисовали план площадки: качели, песочница и скамейка под липой.',
  'Ґанок біля під’їзду треба полагодити до морозів, інакше взимку буде слизько.',
  'Їхні сусіди з будинку навпроти теж долучаться, якщо ми покличемо заздалегідь.',
];

/** Long, distinct paragraphs, each opening with its own number, so order can be checked. */
const paragraphs = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => {
    const body = Array.from(
      { length: 5 },
      (_, k) => SENTENCES[(i + k) % SENTENCES.length] ?? '',
    ).join(' ');
    return `${prefix} ${i + 1}. ${body}`;
  });

const NEWS_TITLE = 'Новости района';
const NEWS_LONG = paragraphs('Заметка', 4);
/** The letter's working title names its source and her street: no export may carry it. */
const LETTER_TITLE = 'Письмо Ивановой с Лесной улицы';
const LETTER_HEADLINE = 'Письмо читателя';
const WORKING_WORDS = ['Ивановой', 'Лесной'];
/** A few lines of the body type (10.5pt, line-height 1.4), in points. */
const FEW_LINES = 3 * 10.5 * 1.4;
/** A 4:3 picture at the width of an A4 column ((210 − 2 × 15 − 7) / 2 mm), in points. */
const PICTURE_IN_COLUMN = (((210 - 30 - 7) / 2) * 0.75 * 72) / 25.4;
const LETTER = paragraphs('Абзац', 12);
const PHOTO_ALT = 'Крыльцо дома номер три';
const PHOTO_CAPTION = 'Крыльцо до ремонта';
const SECOND_ALT = 'Двор с качелями';
const SECOND_CAPTION = 'Двор весной';

/** Everything of the news draft in reading order, as it should print. */
const NEWS_ORDER_TEXT = [
  'Во вторник в библиотеке прошло собрание жильцов.',
  'Пришли сорок человек',
  'многие впервые',
  'Что решили',
  'Починить крыльцо до зимы',
  'Собрать подписи за новый фонарь',
  'Подробности по ссылке:',
  'example.org/sobranie',
  ...NEWS_LONG,
];
const NEWS_ORDER = [...NEWS_ORDER_TEXT, PHOTO_CAPTION];

async function writeNews(page: Page): Promise<void> {
  await createDraft(page, NEWS_TITLE);
  const editor = draftText(page, NEWS_TITLE);
  await editor.click();
  await page.keyboard.insertText('Во вторник в библиотеке прошло собрание жильцов. ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.insertText('Пришли сорок человек');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.insertText(', ');
  await page.keyboard.press('ControlOrMeta+i');
  await page.keyboard.insertText('многие впервые');
  await page.keyboard.press('ControlOrMeta+i');
  await page.keyboard.insertText('.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Heading 2' }).click();
  await page.keyboard.insertText('Что решили');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Bulleted list' }).click();
  await page.keyboard.insertText('Починить крыльцо до зимы');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Собрать подписи за новый фонарь');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Подробности по ссылке: ');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await page.getByLabel('Link address (http:// or https://)').fill(LINK);
  await page.getByRole('button', { name: 'Apply link' }).click();
  await page.keyboard.press('End');
  for (const paragraph of NEWS_LONG) {
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
  await expect(editor.locator('strong')).toHaveText('Пришли сорок человек');
  await expect(editor.locator('em')).toHaveText('многие впервые');
  await expect(editor.locator('h2')).toHaveText('Что решили');
  await expect(editor.locator('ul > li')).toHaveText([
    'Починить крыльцо до зимы',
    'Собрать подписи за новый фонарь',
  ]);
  await expect(editor.locator(`a[href="${LINK}"]`)).toHaveText(LINK);
  await expect(editor.locator('p').last()).toHaveText(NEWS_LONG.at(-1) ?? '');
  // The photo, through the sanitiser as the app always does it.
  const [photo] = await makeCorpus(page);
  if (!photo) throw new Error('no corpus photo');
  await page.keyboard.press('ControlOrMeta+End');
  const dialog = await chooseImage(page, page, photo);
  await expect(dialog.getByRole('list', { name: 'Removed from the original' })).toBeVisible({
    timeout: 20_000,
  });
  await describeAndInsert(dialog, PHOTO_ALT, PHOTO_CAPTION);
  await expect(editor.getByRole('img', { name: PHOTO_ALT })).toBeVisible();
}

async function writeLetter(page: Page): Promise<void> {
  await createDraft(page, LETTER_TITLE);
  const editor = draftText(page, LETTER_TITLE);
  await editor.click();
  for (const [i, paragraph] of LETTER.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
  await expect(editor.locator('p')).toHaveCount(LETTER.length);
  // The same photo, metadata and all, as an informer's app would write it skipping the
  // sanitiser: this app's own writer refuses it (receivers refuse it too: readImageDoc, unit tests
  // imageReceiptInformer and exportImages), so it goes in through the sanitiser after all.
  const [photo] = await makeCorpus(page);
  if (!photo) throw new Error('no corpus photo');
  await skipSanitiser(page, true);
  const refused = await chooseImage(page, page, photo);
  await expect(refused.getByRole('list', { name: 'Removed from the original' })).toBeVisible({
    timeout: 20_000,
  });
  await refused.getByLabel('Describe the image for people who cannot see it (alt text)').fill('x');
  await refused.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect(refused.getByRole('alert')).toHaveText('The image could not be stored.');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await skipSanitiser(page, false);
  await recordBlobUrls(page);
  const dialog = await chooseImage(page, page, photo);
  await expect(dialog.getByRole('list', { name: 'Removed from the original' })).toBeVisible({
    timeout: 20_000,
  });
  await describeAndInsert(dialog, SECOND_ALT, SECOND_CAPTION);
  const second = editor.getByRole('img', { name: SECOND_ALT });
  await expect(second).toBeVisible();
  expect(secretsIn(await shownBytes(second))).toEqual([]);
  await page.getByRole('button', { name: 'Set a printed headline' }).click();
  await page.getByLabel('Printed headline').fill(LETTER_HEADLINE);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Printed headline: “${LETTER_HEADLINE}”`)).toBeVisible();
}

/** None of the working title's words in `text` (soft hyphens and spacing aside). */
const expectNoWorkingTitle = (text: string, what: string): void => {
  for (const word of WORKING_WORDS) {
    expect(squash(text), `${what} carries the working title`).not.toContain(squash(word));
  }
};

const LAYOUT_LABEL: Record<IssueLayout, string> = {
  'a4-two-column': 'A4 newspaper, two columns',
  'a5-booklet': 'A5 booklet for folding',
  'single-column': 'Plain, one column',
};

/** A new issue through the form; it opens, with both drafts added and put in order by keyboard. */
async function composeIssue(page: Page, layout: IssueLayout, number: string): Promise<Locator> {
  await page.getByRole('button', { name: 'New issue' }).click();
  const form = page.getByRole('form', { name: 'New issue' });
  await form.getByLabel('Title').fill(MASTHEAD);
  await form.getByLabel('Issue number (optional)').fill(number);
  await form.getByLabel('Date printed on the issue').fill(DATE);
  await form.getByLabel('Tagline (optional)').fill(TAGLINE);
  await form.getByRole('radio', { name: new RegExp(`^${LAYOUT_LABEL[layout]}`) }).check();
  await form.getByRole('button', { name: 'Create issue' }).click();
  const workspace = page.getByRole('region', { name: MASTHEAD });
  // The workspace's summary line; the date is spelled out in the UI language.
  await expect(
    workspace.getByText(
      new RegExp(`^No\\. ${number} · November 7, 2025 · ${LAYOUT_LABEL[layout]}$`),
    ),
  ).toBeVisible();

  // Added letter first, then news; then news moved up with the keyboard.
  await workspace.getByRole('button', { name: `Add “${LETTER_TITLE}” to the issue` }).click();
  await workspace.getByRole('button', { name: `Add “${NEWS_TITLE}” to the issue` }).click();
  const chosen = workspace.getByRole('region', { name: 'Drafts in this issue' }).locator('ol > li');
  await expect(chosen).toHaveText([new RegExp(LETTER_TITLE), new RegExp(NEWS_TITLE)]);
  const up = workspace.getByRole('button', { name: `Move “${NEWS_TITLE}” up` });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(chosen).toHaveText([new RegExp(NEWS_TITLE), new RegExp(LETTER_TITLE)]);
  // Focus followed the moved draft (now first, so onto its "down" button).
  await expect(workspace.getByRole('button', { name: `Move “${NEWS_TITLE}” down` })).toBeFocused();
  return workspace;
}

/**
 * The exported HTML holds both pictures as PNGs of pixels only (no text, EXIF or other chunk),
 * and none of the photo's metadata anywhere: in the file's bytes (UTF-8, UTF-16) or in the
 * decoded images.
 */
function expectImagesClean(html: string, bytes: Buffer): void {
  expect(html.match(/<figure class="issue-image"><img src="data:image\/png;base64,/g)).toHaveLength(
    2,
  );
  expect(html).not.toContain('issue-image__missing"');
  expect(html).toContain(`<figcaption>${PHOTO_CAPTION}</figcaption>`);
  expect(html).toContain(`<figcaption>${SECOND_CAPTION}</figcaption>`);
  // Outside the pictures: their base64 is left out here and their decoded bytes checked below
  // (a 4-letter needle such as "Exif" turns up by chance in megabytes of base64: a CI run found
  // "Exif" in the HTML that way, and the retry passed).
  const outside = html.replace(/(data:image\/png;base64,)[A-Za-z0-9+/=]+/g, '$1');
  expect(outside.length).toBeLessThan(bytes.length);
  expect(secretsIn(Buffer.from(outside, 'utf8')), 'HTML bytes').toEqual([]);
  const pngs = dataImages(html);
  expect(pngs).toHaveLength(2);
  for (const png of pngs) {
    expect(secretsIn(png), 'an exported picture').toEqual([]);
    const pixels = pngPixelsOnly(png);
    expect(pixels.ok && Buffer.from(pixels.value).equals(png), 'chunks other than pixels').toBe(
      true,
    );
  }
}

/** Going through the preview's pages, both pictures show with their captions, each whole. */
async function expectPreviewImages(preview: Locator, pages: number): Promise<void> {
  const seen = new Set<string>();
  for (let n = 1; n <= pages; n++) {
    if (n > 1) await preview.getByRole('button', { name: 'Next page' }).click();
    await expect(preview.getByRole('status')).toHaveText(`Page ${n} of ${pages}`);
    const figures = preview.locator('.issue-page figure.issue-image');
    for (const caption of await figures.locator('figcaption').allTextContents()) seen.add(caption);
    for (const figure of await figures.all()) {
      await expect(figure.locator('img')).toHaveJSProperty('complete', true);
      const inside = await figure.evaluate((el) => {
        const page = el.closest('.issue-page__body')?.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return page !== undefined && box.top >= page.top - 1 && box.bottom <= page.bottom + 1;
      });
      expect(inside, 'a picture cut by the page').toBe(true);
    }
  }
  expect([...seen].sort()).toEqual([SECOND_CAPTION, PHOTO_CAPTION].sort());
  for (let n = pages; n > 1; n--)
    await preview.getByRole('button', { name: 'Previous page' }).click();
}

interface LayoutCase {
  readonly layout: IssueLayout;
  readonly page: { readonly width: number; readonly height: number };
}

const A4 = { width: 595, height: 842 };
const A5 = { width: 420, height: 595 };

const expectSize = (
  actual: { width: number; height: number },
  expected: { width: number; height: number },
  what: string,
): void => {
  expect(
    Math.abs(actual.width - expected.width),
    `${what} width ${actual.width}`,
  ).toBeLessThanOrEqual(1);
  expect(
    Math.abs(actual.height - expected.height),
    `${what} height ${actual.height}`,
  ).toBeLessThanOrEqual(1);
};

/** Nothing in the PDF names the cell, its member or the app; the chosen day is the only date. */
async function expectScrubbed(pdf: Uint8Array, what: string): Promise<void> {
  const facts = await readPdf(pdf);
  const info = JSON.stringify(facts.info);
  for (const needle of [PSEUDONYM, CELL, 'Quire', 'Chromium', 'Skia', 'HeadlessChrome']) {
    expect(info, `${what}: Info holds ${needle}`).not.toContain(needle);
  }
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
    expect(facts.info[key] ?? '', `${what}: Info ${key}`).toBe('');
  }
  for (const key of ['CreationDate', 'ModDate']) {
    const value = facts.info[key];
    if (value !== undefined && value !== null && value !== '') {
      expect(typeof value === 'string' ? value : JSON.stringify(value), `${what}: ${key}`).toMatch(
        /^D:20251107/,
      );
    }
  }
  expect(facts.xmp, `${what}: XMP metadata`).toBeNull();
  expect(rawHits(pdf, [PSEUDONYM, CELL, 'Quire']), `${what}: raw bytes`).toEqual([]);
  expect(
    datesIn(pdf).filter((date) => date !== DATE),
    `${what}: other dates`,
  ).toEqual([]);
}

/**
 * Members compare copies: the same issue exported again gives the same HTML and, printed and
 * scrubbed, the same PDF bytes. The black-only PDF of it has no colour operator left, and the
 * same words.
 */
async function expectSameAndGray(
  page: Page,
  browser: Browser,
  dialog: Locator,
  html: Buffer,
  pdf: Uint8Array,
  text: string,
): Promise<void> {
  const again = await downloadFrom(page, dialog.getByRole('button', { name: 'Save HTML' }));
  expect(again.bytes.equals(html), 'the same issue exported twice: the same HTML').toBe(true);
  const opened = await openHtml(browser, again.bytes.toString('utf8'));
  try {
    const printed = new Uint8Array(
      await opened.page.pdf({ preferCSSPageSize: true, printBackground: true }),
    );
    const scrubbed = await scrubPdf(printed, DATE);
    if (!scrubbed.ok) throw new Error(`scrubPdf: ${scrubbed.error}`);
    expect(Buffer.from(scrubbed.value).equals(Buffer.from(pdf)), 'the same PDF bytes').toBe(true);
    expect(await pageContents(printed)).toMatch(/\s(rg|RG)\s/);
    const gray = await blackOnlyPdf(printed);
    if (!gray.ok) throw new Error(`blackOnlyPdf: ${gray.error}`);
    const grayScrubbed = await scrubPdf(gray.value, DATE);
    if (!grayScrubbed.ok) throw new Error(`scrubPdf: ${grayScrubbed.error}`);
    await expectScrubbed(grayScrubbed.value, 'black only');
    expect(await pageContents(grayScrubbed.value)).not.toMatch(/\s(rg|RG|k|K|scn?|SCN?)\s/);
    // The photos print too, redrawn in gray.
    const grayImages = (await pdfImages(grayScrubbed.value)).filter((image) => image.width >= 100);
    expect(grayImages).toHaveLength(2);
    for (const image of grayImages) expect(image.space).toBe('/DeviceGray');
    const grayAgain = await blackOnlyPdf(printed);
    expect(grayAgain.ok && Buffer.from(grayAgain.value).equals(Buffer.from(gray.value))).toBe(true);
    const grayText = (await readPdf(grayScrubbed.value)).pages.map((p) => p.text).join(' ');
    expect(grayText).toBe(text);
  } finally {
    await opened.close();
  }
}

async function checkLayout(
  page: Page,
  browser: Browser,
  testInfo: TestInfo,
  { layout, page: size }: LayoutCase,
  number: string,
): Promise<void> {
  const workspace = await composeIssue(page, layout, number);
  const preview = workspace.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('status')).toHaveText(/^Page 1 of \d+$/, { timeout: 30_000 });
  const shown = await preview.getByRole('status').textContent();
  const previewPages = Number(/of (\d+)/.exec(shown ?? '')?.[1]);
  expect(previewPages, 'the preview has more than one page').toBeGreaterThan(1);
  await expect(
    preview.getByRole('group', { name: 'Page 1 of' + ` ${previewPages}` }),
  ).toContainText(MASTHEAD);
  await expectPreviewImages(preview, previewPages);
  await preview.getByRole('button', { name: 'Next page' }).click();
  await expect(preview.getByRole('status')).toHaveText(`Page 2 of ${previewPages}`);
  if (layout === 'a5-booklet') {
    const sheets = Math.ceil(previewPages / 4);
    await expect(
      preview.getByRole('heading', { name: `Sheets to print: ${sheets}` }),
    ).toBeVisible();
    await expect(preview.getByText('Sheet 1, front')).toBeVisible();
  }
  await checkScreen(page, testInfo, `issue-${layout}`);

  await workspace.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: `Export “${MASTHEAD}”` });
  await expect(dialog).toContainText('Removed from every file:');
  await expect(dialog).toContainText('the name of the cell');
  await expect(dialog).toContainText('nearly invisible yellow dots on every page');
  await expect(dialog).toContainText('choose black and white in the print dialog');
  await expect(dialog).toContainText('the browser’s own print dialog makes the PDF');
  if (layout === 'a5-booklet') await expect(dialog).toContainText('cannot impose a booklet');
  // Both drafts are still ideas: the dialog says so and waits for "Export anyway" (#17 item 5).
  const review = dialog.getByRole('region', { name: 'Not ready to print' });
  await expect(review.getByRole('listitem')).toHaveCount(2);
  await expect(review).toContainText('marked “Idea”');
  await expect(dialog.getByRole('button', { name: 'Save HTML' })).toBeDisabled();
  await checkScreen(page, testInfo, `export-dialog-${layout}`);
  await review.getByRole('checkbox', { name: 'Export anyway' }).check();

  const saved = await downloadFrom(page, dialog.getByRole('button', { name: 'Save HTML' }));
  expect(saved.name).toMatch(/\.html$/);
  const html = saved.bytes.toString('utf8');
  expect(html).not.toMatch(/<script/i);
  expect(externalCssUrls(html)).toEqual([]);
  expectImagesClean(html, saved.bytes);
  for (const needle of [PSEUDONYM, CELL, 'Quire']) expect(html).not.toContain(needle);
  expectNoWorkingTitle(html, 'HTML');
  expect(html).toContain(LETTER_HEADLINE);
  expect(html).toContain('<html lang="en"');
  // The shipped typeface travels inside the file.
  expect(html).toMatch(
    /@font-face \{ font-family: 'Noto Serif';[^}]*url\("data:font\/woff2;base64,/,
  );
  await expect(dialog.getByRole('status')).toContainText(`Saved as ${saved.name}`);

  const opened = await openHtml(browser, html);
  try {
    // The only URLs: the two pictures, as data: URLs of PNG bytes.
    const urls = await urlAttributes(opened.page);
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(url).toMatch(/^img\[src=data:image\/png;base64,/);
    await expect(
      opened.page.getByRole('figure', { name: PHOTO_CAPTION }).getByRole('img'),
    ).toHaveAccessibleName(PHOTO_ALT);
    await expect(
      opened.page.getByRole('figure', { name: SECOND_CAPTION }).getByRole('img'),
    ).toHaveAccessibleName(SECOND_ALT);
    // Decoded and laid out at a real size, within the page.
    for (const box of await opened.page.locator('figure img').evaluateAll((imgs) =>
      imgs.map((img) => ({
        w: (img as HTMLImageElement).naturalWidth,
        h: img.getBoundingClientRect().height,
      })),
    )) {
      expect(box.w).toBeGreaterThan(100);
      expect(box.h).toBeGreaterThan(50);
    }
    expect(await opened.page.title()).toBe(MASTHEAD);
    const printed = new Uint8Array(
      await opened.page.pdf({ preferCSSPageSize: true, printBackground: true }),
    );
    expect(opened.requests, 'the HTML fetched something').toEqual([]);
    // Both pictures printed (one image each), none carrying the photo's metadata.
    expect((await pdfImages(printed)).filter((image) => image.width >= 100)).toHaveLength(2);
    expect(secretsIn(printed), `${layout} PDF bytes`).toEqual([]);
    expect(secretsIn(Buffer.from(await pageContents(printed), 'latin1'))).toEqual([]);
    // Set in the embedded Noto Serif (subset into the PDF), not a system fallback.
    expect(Buffer.from(printed).includes('NotoSerif'), 'Noto Serif embedded').toBe(true);
    const raw = await readPdf(printed);
    // Chromium's PDF does name its maker: proof that the scrub below has work to do.
    expect(JSON.stringify(raw.info)).toMatch(/Skia|Chromium/);
    const text = raw.pages.map((p) => p.text).join(' ');
    expectInOrder(
      text,
      [MASTHEAD, TAGLINE, NEWS_TITLE, ...NEWS_ORDER, LETTER_HEADLINE, ...LETTER, SECOND_CAPTION],
      `${layout} text`,
    );
    expectNoWorkingTitle(text, `${layout} PDF`);
    if (layout === 'a4-two-column') {
      // Balanced: on every page, the right column ends within a few lines of the left one.
      // A picture is never split: on its page, and on the page before when it did not fit
      // there, the columns may differ by up to its height.
      const gaps = await columnGaps(printed);
      const pictured = raw.pages.map((p) =>
        [PHOTO_CAPTION, SECOND_CAPTION].some((c) => squash(p.text).includes(squash(c))),
      );
      for (const [i, gap] of gaps.entries()) {
        const near = pictured[i] === true || pictured[i + 1] === true;
        expect(gap, `column ends apart by ${gaps.join(', ')} pt`).toBeLessThan(
          FEW_LINES + (near ? PICTURE_IN_COLUMN : 0),
        );
      }
    }
    for (const [i, p] of raw.pages.entries()) expectSize(p, size, `${layout} page ${i + 1}`);

    let finalPdf: Uint8Array = printed;
    if (layout === 'a5-booklet') {
      const imposed = await imposeBooklet(printed);
      if (!imposed.ok) throw new Error(`imposeBooklet: ${imposed.error}`);
      finalPdf = imposed.value;
      const sheets = await readPdf(finalPdf);
      expect(sheets.pages).toHaveLength(2 * Math.ceil(raw.pages.length / 4));
      for (const [i, p] of sheets.pages.entries()) {
        expectSize(p, { width: A4.height, height: A4.width }, `imposed side ${i + 1}`);
      }
    }
    const scrubbed = await scrubPdf(finalPdf, DATE);
    if (!scrubbed.ok) throw new Error(`scrubPdf: ${scrubbed.error}`);
    await expectScrubbed(scrubbed.value, layout);
    if (layout === 'a4-two-column')
      await expectSameAndGray(page, browser, dialog, saved.bytes, scrubbed.value, text);
    // Kept with the screenshots, to look at or print by hand.
    await writeFile(testInfo.outputPath(`issue-${layout}.pdf`), scrubbed.value);
  } finally {
    await opened.close();
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

test('issue export: compose in each layout, HTML and PDF without leaks, Markdown round trip', async ({
  person,
  browser,
}, testInfo) => {
  test.setTimeout(4 * VAULT_TIMEOUT_MS + 240_000);
  const { signal } = serverUrls();
  const { page } = await person(appUrl({ lang: 'en', signal: [signal] }));
  await createVault(page);
  await createCell(page, CELL, PSEUDONYM);
  await writeNews(page);
  await writeLetter(page);

  await page.getByRole('tab', { name: 'Issues' }).click();
  await expect(page.getByText('No issues yet.')).toBeVisible();
  await checkScreen(page, testInfo, 'issues-empty');

  // A refused masthead changes nothing and says why.
  await page.getByRole('button', { name: 'New issue' }).click();
  const form = page.getByRole('form', { name: 'New issue' });
  // Empty: the app says why in its own words (no browser validation bubble) and marks the field.
  await form.getByRole('button', { name: 'Create issue' }).click();
  await expect(form.getByRole('alert')).toHaveText('Give the issue a title.');
  await expect(form.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Title')).toBeFocused();
  await form.getByLabel('Title').fill('   ');
  await form.getByLabel('Date printed on the issue').fill(DATE);
  await form.getByRole('button', { name: 'Create issue' }).click();
  await expect(form.getByRole('alert')).toHaveText('Give the issue a title.');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No issues yet.')).toBeVisible();

  const cases: LayoutCase[] = [
    { layout: 'a4-two-column', page: A4 },
    { layout: 'single-column', page: A4 },
    { layout: 'a5-booklet', page: A5 },
  ];
  for (const [i, layoutCase] of cases.entries()) {
    await checkLayout(page, browser, testInfo, layoutCase, String(i + 1));
  }
  const list = page.getByRole('navigation', { name: 'Issues' });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  // Markdown: export the open issue, then import it back as a new draft.
  const workspace = page.getByRole('region', { name: MASTHEAD });
  await workspace.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: `Export “${MASTHEAD}”` });
  // It fits a 1280×860 window, and its title is not smaller than its sections' headings.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 860 });
  const frame = await dialog.boundingBox();
  expect(frame && frame.y >= 0 && frame.y + frame.height <= 860).toBe(true);
  const size = (heading: Locator): Promise<number> =>
    heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const titleSize = await size(dialog.getByRole('heading', { level: 2 }));
  for (const h3 of await dialog.getByRole('heading', { level: 3 }).all())
    expect(titleSize).toBeGreaterThanOrEqual(await size(h3));
  if (viewport) await page.setViewportSize(viewport);
  await dialog.getByRole('checkbox', { name: 'Export anyway' }).check();
  const markdown = await downloadFrom(page, dialog.getByRole('button', { name: 'Save Markdown' }));
  await dialog.getByRole('button', { name: 'Close' }).click();
  const md = markdown.bytes.toString('utf8');
  for (const needle of [PSEUDONYM, CELL, 'Quire']) expect(md).not.toContain(needle);
  expectNoWorkingTitle(md, 'Markdown');
  expectInOrder(
    md,
    [
      MASTHEAD,
      NEWS_TITLE,
      'Что решили',
      PHOTO_ALT,
      PHOTO_CAPTION,
      LETTER_HEADLINE,
      ...LETTER,
      SECOND_ALT,
      SECOND_CAPTION,
    ],
    'markdown',
  );
  expect(md).not.toMatch(/data:|!\[/);
  expect(secretsIn(markdown.bytes)).toEqual([]);

  const importer = page.getByLabel('Import Markdown as a new draft');
  await importer.setInputFiles({
    name: 'empty.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('  \n'),
  });
  await expect(page.getByText('The file has no text. Nothing was imported.')).toBeVisible();
  await importer.setInputFiles({
    name: 'vozvrat.md',
    mimeType: 'text/markdown',
    buffer: markdown.bytes,
  });
  // The file's opening heading (the masthead) is the draft's title, not a second first line.
  await expect(page.getByText(`Imported as the draft “${MASTHEAD}”.`)).toBeVisible();

  await page.getByRole('tab', { name: 'Drafts' }).click();
  await expect(page.getByRole('button', { name: /^Новости района/ })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^${MASTHEAD}`) }).click();
  const editor = draftText(page, MASTHEAD);
  await expect(editor.locator('h1')).toHaveCount(0);
  await expect(editor.locator('h1, h2, h3').filter({ hasText: 'Что решили' })).toBeVisible();
  await expect(editor.locator('ul > li')).toHaveText([
    'Починить крыльцо до зимы',
    'Собрать подписи за новый фонарь',
  ]);
  await expect(editor.locator('strong')).toHaveText('Пришли сорок человек');
  // The tagline is set in italics too.
  await expect(editor.locator('em')).toHaveText([
    TAGLINE,
    'многие впервые',
    PHOTO_CAPTION,
    SECOND_CAPTION,
  ]);
  await expect(editor.locator(`a[href="${LINK}"]`)).toHaveText(LINK);
  await expect(editor.locator('p').filter({ hasText: LETTER.at(-1) ?? '' })).toBeVisible();
});
