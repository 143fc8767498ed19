import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, LaunchOptions, Locator, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { expect } from './fixtures.ts';
import { tr, type Lang } from './localisationSweep.ts';

/** A passphrase zxcvbn rates strong enough (score >= 3); the real Argon2id floor runs on it. */
export const PASSPHRASE = 'velvet tundra mosaic quarrel orbit';

/** Argon2id at the real floor (3 passes, 256 MiB) takes about a second per derivation here. */
export const VAULT_TIMEOUT_MS = 90_000;

/**
 * First run (in English unless `lang` says otherwise): "Start a new cell" (or the invite path),
 * passphrase, vault created.
 */
export async function createVault(
  page: Page,
  options: { readonly passphrase?: string; readonly invite?: boolean; readonly lang?: Lang } = {},
): Promise<void> {
  const passphrase = options.passphrase ?? PASSPHRASE;
  const lang = options.lang ?? 'en';
  const heading = (key: string): Locator =>
    page.getByRole('heading', { level: 1, name: tr(lang, key), exact: true });
  await expect(heading('shell.firstRun.heading')).toBeVisible();
  await page
    .getByRole('button', {
      name: tr(lang, options.invite ? 'shell.firstRun.haveInvite' : 'shell.firstRun.startNew'),
      exact: true,
    })
    .click();
  await page.getByLabel(tr(lang, 'vault.create.passphraseLabel'), { exact: true }).fill(passphrase);
  await page.getByLabel(tr(lang, 'vault.create.confirmLabel'), { exact: true }).fill(passphrase);
  await page.getByLabel(tr(lang, 'vault.create.understand'), { exact: true }).check();
  await expect(page.locator('.strength')).toHaveAttribute('data-score', /^[34]$/);
  await page.getByRole('button', { name: tr(lang, 'vault.create.submit'), exact: true }).click();
  await expect(
    heading(options.invite ? 'shell.join.heading' : 'shell.newCell.heading'),
  ).toBeVisible({
    timeout: VAULT_TIMEOUT_MS,
  });
}

export async function unlock(page: Page, passphrase: string = PASSPHRASE): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Quire is locked' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Quire navigation' })).toBeVisible({
    timeout: VAULT_TIMEOUT_MS,
  });
}

export async function lockNow(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Quire navigation' })
    .getByRole('button', { name: 'Lock now' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quire is locked' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
}

/** Creates a cell through the form; the rendezvous field is prefilled from `?signal=`. */
export async function createCell(page: Page, name: string, pseudonym: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Quire navigation' });
  if (!(await page.getByRole('heading', { level: 1, name: 'New cell' }).isVisible())) {
    await nav.getByRole('button', { name: 'New cell' }).click();
  }
  await page.getByLabel('Name of the cell').fill(name);
  await page.getByLabel('Your pseudonym in this cell').fill(pseudonym);
  await expect(page.getByLabel('Rendezvous servers')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Create cell' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
}

/** A browser with its own on-disk profile (what a seized laptop would hold). */
export interface Profile {
  readonly dir: string;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** `prepare` runs on the new context before the app loads (e.g. installing a fake clock). */
export async function openProfile(
  launchOptions: LaunchOptions,
  url: string,
  dir?: string,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Profile> {
  const profileDir = dir ?? (await mkdtemp(join(tmpdir(), 'quire-e2e-profile-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    ...launchOptions,
    headless: launchOptions.headless ?? true,
  });
  await prepare?.(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-sodium', 'ready');
  return { dir: profileDir, context, page, close: () => context.close() };
}

export const removeProfile = (dir: string): Promise<void> =>
  rm(dir, { recursive: true, force: true });

/** Every regular file under `dir`, recursively. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * The encodings a string could be stored in on disk. Base64 depends on where the string starts
 * relative to a 3-byte group, so all three alignments are searched (the characters mixed with
 * neighbouring bytes are left out), in the standard and the URL alphabet.
 */
export function encodings(text: string): { readonly name: string; readonly bytes: Buffer }[] {
  const utf8 = Buffer.from(text, 'utf8');
  const out = [
    { name: 'utf8', bytes: utf8 },
    { name: 'utf16le', bytes: Buffer.from(text, 'utf16le') },
    { name: 'utf16be', bytes: Buffer.from(text, 'utf16le').swap16() },
  ];
  for (const shift of [0, 1, 2]) {
    const b64 = Buffer.concat([Buffer.alloc(shift), utf8]).toString('base64');
    const pure = b64.slice([0, 2, 3][shift], b64.length - 4);
    out.push({ name: `base64/${shift}`, bytes: Buffer.from(pure) });
    out.push({
      name: `base64url/${shift}`,
      bytes: Buffer.from(pure.replace(/\+/g, '-').replace(/\//g, '_')),
    });
  }
  return out;
}

/** Files under `dir` holding any of `needles` in any encoding: "path: needle (encoding)". */
export async function findInFiles(dir: string, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await listFiles(dir)) {
    if ((await stat(file)).size > 256 * 1024 * 1024) continue;
    const bytes = await readFile(file);
    for (const needle of needles) {
      for (const { name, bytes: pattern } of encodings(needle)) {
        if (bytes.includes(pattern)) hits.push(`${file.slice(dir.length)}: ${needle} (${name})`);
      }
    }
  }
  return hits;
}
