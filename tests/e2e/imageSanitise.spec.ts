import type { Locator } from '@playwright/test';
import { isCanonicalImage } from '../../shared/images/canonicalImage.ts';
import { parseImageHeader } from '../../shared/images/parseImageHeader.ts';
import { SECRETS, bombPng, secretsIn } from '../support/imageCorpus.ts';
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
});
