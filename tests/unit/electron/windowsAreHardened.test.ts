import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/policy/contentSecurityPolicy.ts';
import { CONTENT_SECURITY_POLICY as RENDERER_CSP } from '../../../renderer/contentSecurityPolicy.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Static checks on the main-process sources (the Electron binary is not available here). */
describe('electron/ sources', () => {
  const files = sources('electron').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('create windows only through createHardenedWindow, and no BrowserView or WebContentsView', () => {
    const creators = files
      .filter((f) => /new\s+BrowserWindow\s*\(/.test(f.text))
      .map((f) => f.path);
    expect(creators).toEqual([join('electron', 'main', 'createHardenedWindow.ts')]);
    for (const f of files)
      expect(f.text, f.path).not.toMatch(/new\s+(BrowserView|WebContentsView)\s*\(/);
  });

  it('give that one window every hardened preference', () => {
    const text = files.find((f) => f.path.endsWith('createHardenedWindow.ts'))!.text;
    for (const line of [
      'contextIsolation: true,',
      'sandbox: true,',
      'nodeIntegration: false,',
      'nodeIntegrationInWorker: false,',
      'nodeIntegrationInSubFrames: false,',
      'webSecurity: true,',
      'allowRunningInsecureContent: false,',
      'webviewTag: false,',
      'spellcheck: false,',
      'experimentalFeatures: false,',
      "disableBlinkFeatures: 'Auxclick',",
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toMatch(/enableBlinkFeatures|additionalArguments|enableRemoteModule/);
  });

  it('enable the sandbox for every renderer and never relax web security globally', () => {
    const main = files.find((f) => f.path.endsWith(join('main', 'main.ts')))!.text;
    expect(main).toContain('app.enableSandbox();');
    for (const f of files) {
      expect(f.text, f.path).not.toMatch(
        /appendSwitch\(\s*'(no-sandbox|disable-web-security|ignore-certificate-errors)/,
      );
      expect(f.text, f.path).not.toMatch(
        /ELECTRON_DISABLE_SECURITY_WARNINGS|setCertificateVerifyProc/,
      );
    }
  });

  it('send the renderer CSP as a header, plus frame-ancestors (which a <meta> cannot carry)', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
  });
});
