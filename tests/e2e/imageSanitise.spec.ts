import type { Locator } from '@playwright/test';
import { isCanonicalImage } from '../../shared/images/canonicalImage.ts';
import { parseImageHeader } from '../../shared/images/parseImageHeader.ts';
import { SECRETS, bombPng, secretsIn } from '../support/imageCorpus.ts';
import { seriousViolations } from './checkScreen.ts';
import { expect, serverUrls, test } from './fixtures.ts';
import {
  chooseImage,
  describeAndInsert,
  makeCorpus,
  recordBlobUrls,
  shownBytes,
} from './imageSteps.ts';

/** The cell screens over two linked in-memory sessions (renderer/dev/cellHarness.tsx). */
const harnessUrl = (): string => {
  const url = new URL(serverUrls().web);
  url.searchParams.set('harness', 'cell');
  url.searchParams.set('lang', 'en');
  url.searchParams.set('split', '1');
  return url.toString();
};

const editorOf = (scope: Locator, title: string): Locator =>
  scope.getByRole('textbox', { name: `Text of “${title}”` });

test('images: the real worker strips every metadata byte; a bomb is refused fast; the other member sees the picture and its caption', async ({
  person,
}) => {
  test.setTimeout(90_000);
  const { page } = await person(harnessUrl());
  const olena = page.getByRole('region', { name: 'Olena' });
  const marko = page.getByRole('region', { name: 'Marko' });
  await olena.getByRole('textbox', { name: 'Title of a new draft' }).fill('Pictures');
  await olena.getByRole('button', { name: 'Create draft' }).click();
  const editor = editorOf(olena, 'Pictures');
  await expect(editor).toBeVisible();
  const corpus = await makeCorpus(page);
  await recordBlobUrls(page);
  for (const original of corpus) expect(secretsIn(original.buffer).length).toBeGreaterThan(5);

  // A decompression bomb (a PNG declaring 100,000 × 100,000) is refused from its header, fast.
  const started = Date.now();
  const bombDialog = await chooseImage(page, olena, {
    name: 'bomb.png',
    mimeType: 'image/png',
    buffer: Buffer.from(bombPng(100_000, 100_000)),
  });
  await expect(bombDialog.getByRole('alert')).toHaveText(/too large .* refused before decoding/, {
    timeout: 5_000,
  });
  expect(Date.now() - started).toBeLessThan(5_000);
  await bombDialog.getByRole('button', { name: 'Cancel' }).click();
  // ... and the app keeps working.
  await editor.click();
  await page.keyboard.type('After the bomb. ');
  await expect(editor).toContainText('After the bomb.');

  await marko.getByRole('button', { name: /^Pictures/ }).click();
  for (const [i, original] of corpus.entries()) {
    const dialog = await chooseImage(page, olena, original);
    // What was removed is shown before anything enters the cell.
    const removed = dialog.getByRole('list', { name: 'Removed from the original' });
    await expect(removed).toContainText(`GPS position: ${SECRETS.latText}, ${SECRETS.lonText}`, {
      timeout: 20_000,
    });
    await expect(removed).toContainText(`Serial number: ${SECRETS.serial}`);
    await expect(removed).toContainText('Embedded thumbnail');
    await expect(removed).toContainText('XMP metadata');
    // Alt text is required unless the image is marked decorative.
    await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Describe the image, or mark it as decorative.',
    );
    await describeAndInsert(dialog, `Corpus image ${original.name}`, `Caption ${i + 1}`);

    // Marko's side shows the same picture, validated from its own image document.
    const seen = marko.getByRole('img', { name: `Corpus image ${original.name}` });
    await expect(seen).toBeVisible();
    // The caption names the figure (figcaption) for assistive technology too.
    await expect(
      marko.getByRole('figure', { name: `Caption ${i + 1}` }).getByRole('img'),
    ).toHaveAccessibleName(`Corpus image ${original.name}`);
    const bytes = await shownBytes(seen);
    expect(secretsIn(bytes), `metadata left in ${original.name}`).toEqual([]);
    const header = parseImageHeader(bytes);
    expect(header.ok && header.value.mime).toBe('image/webp');
    // Exactly the form receivers accept: Chromium's ICC profile chunk is gone too.
    expect(isCanonicalImage(bytes)).toBe(true);
    // Downscaled to the cell's maximum: 1200 × 900 fits, so the size stays.
    expect(header.ok && [header.value.width, header.value.height]).toEqual([1200, 900]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
  }
  await expect(editor.locator('figure img')).toHaveCount(3);

  // Covering a face, with the keyboard alone: a region is added, moved and resized (axe finds
  // nothing serious in the dialog), and what Marko receives is coarse blocks there.
  const photo = corpus[0];
  if (!photo) throw new Error('no corpus photo');
  const cover = await chooseImage(page, olena, photo);
  await expect(cover.getByRole('list', { name: 'Removed from the original' })).toBeVisible({
    timeout: 20_000,
  });
  await cover.getByRole('button', { name: 'Add a covered region' }).click();
  const region = cover.getByRole('button', { name: /^Covered region 1:/ });
  await expect(region).toBeFocused();
  await expect(region).toHaveAccessibleName(
    'Covered region 1: 35% from the left, 35% from the top, 30% by 30%',
  );
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(region).toHaveAccessibleName(
    'Covered region 1: 25% from the left, 35% from the top, 50% by 50%',
  );
  // With the mouse: a drag across the picture draws a second region; it can be removed again.
  const stage = await cover
    .getByRole('img', { name: 'Preview of the cleaned image' })
    .boundingBox();
  if (!stage) throw new Error('no preview');
  await page.mouse.move(stage.x + stage.width * 0.05, stage.y + stage.height * 0.05);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width * 0.15, stage.y + stage.height * 0.2, { steps: 4 });
  await page.mouse.up();
  await expect(
    cover.getByRole('button', { name: /^Covered region 2: 5% from the left/ }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await cover.getByRole('button', { name: 'Remove covered region 2' }).click();
  await expect(cover.getByRole('button', { name: /^Covered region/ })).toHaveCount(1);
  await describeAndInsert(cover, 'Covered face', 'Caption covered');
  const covered = marko.getByRole('img', { name: 'Covered face' });
  await expect(covered).toBeVisible();
  await expect(covered).toHaveJSProperty('complete', true);
  // Inside the region (1200 × 900: x 300–900, y 315–765, blocks of 113 px), each block's interior
  // is one of 6 levels per channel plus noise: the block means sit on those levels.
  const offLevel = await covered.evaluate((img: HTMLImageElement) => {
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(img, 0, 0);
    let worst = 0;
    for (let by = 315; by + 113 <= 765; by += 113)
      for (let bx = 300; bx + 113 <= 900; bx += 113) {
        const px = ctx.getImageData(bx + 16, by + 16, 113 - 32, 113 - 32).data;
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let i = c; i < px.length; i += 4) sum += px[i] ?? 0;
          const mean = sum / (px.length / 4);
          worst = Math.max(worst, Math.abs(mean - Math.round(mean / 51) * 51));
        }
      }
    return worst;
  });
  expect(offLevel).toBeLessThan(12);
});
