import { describe, expect, it } from 'vitest';
import { browserPlatform } from '../../../renderer/platform/browserPlatform.ts';
import { electronPlatform } from '../../../renderer/platform/electronPlatform.ts';
import { platformFor } from '../../../renderer/platform/getPlatform.ts';
import { setLinkConfirmer } from '../../../renderer/platform/linkConfirmer.ts';
import { createQuireApi } from '../../../electron/preload/createQuireApi.ts';
import { ipcContract } from '../../../shared/platform/ipcContract.ts';
import { err, ok } from '../../../shared/util/result.ts';

const fakeWindow = (answer: boolean) => {
  const prompts: string[] = [];
  const opened: unknown[][] = [];
  return {
    prompts,
    opened,
    confirm: (message: string) => {
      prompts.push(message);
      return answer;
    },
    open: (...args: unknown[]) => opened.push(args),
  };
};

describe('browserPlatform', () => {
  it('asks in the app dialog when one is mounted, never the English confirm() (issue #19 item 6)', async () => {
    const host = fakeWindow(true);
    const asked: string[] = [];
    let answer = false;
    const off = setLinkConfirmer((url) => {
      asked.push(url.href);
      return Promise.resolve(answer);
    });
    try {
      expect(await browserPlatform(host).openExternal('https://example.org/a')).toEqual(
        ok({ opened: false }),
      );
      answer = true;
      expect(await browserPlatform(host).openExternal('https://example.org/b')).toEqual(
        ok({ opened: true }),
      );
      expect(asked).toEqual(['https://example.org/a', 'https://example.org/b']);
      expect(host.prompts).toEqual([]);
      expect(host.opened).toEqual([['https://example.org/b', '_blank', 'noopener,noreferrer']]);
      // Unsafe URLs are refused before anyone is asked.
      expect(await browserPlatform(host).openExternal('javascript:alert(1)')).toEqual(
        err('unsafe-url'),
      );
      expect(asked).toHaveLength(2);
    } finally {
      off();
    }
  });

  it('opens a safe https link in a new tab with noopener, after confirmation', async () => {
    const host = fakeWindow(true);
    const platform = browserPlatform(host);
    expect(await platform.openExternal('https://example.org/a')).toEqual(ok({ opened: true }));
    expect(host.prompts[0]).toContain('example.org');
    expect(host.opened).toEqual([['https://example.org/a', '_blank', 'noopener,noreferrer']]);
  });

  it('opens nothing when the user declines, and never asks about unsafe URLs', async () => {
    const declined = fakeWindow(false);
    expect(await browserPlatform(declined).openExternal('https://example.org/')).toEqual(
      ok({ opened: false }),
    );
    expect(declined.opened).toEqual([]);
    const host = fakeWindow(true);
    for (const url of [
      'javascript:alert(1)',
      'http://example.org',
      'https://a@b.example/',
      'file:///etc',
    ]) {
      expect(await browserPlatform(host).openExternal(url)).toEqual(err('unsafe-url'));
    }
    expect(host.prompts).toEqual([]);
    expect(host.opened).toEqual([]);
  });

  it('reports OS features as unsupported and leaves the reload to the caller', async () => {
    const p = browserPlatform(fakeWindow(true), '1.2.3');
    expect(p.kind).toBe('browser');
    expect(await p.info()).toEqual({ platform: 'browser', version: '1.2.3' });
    expect(await p.panicWipe()).toEqual(ok({ relaunching: false }));
    expect(await p.setContentProtection(true)).toEqual(ok({ supported: false }));
    expect(await p.setRelayOnly(true)).toEqual(err('unsupported'));
    expect(await p.startLanRendezvous('0.0.0.0', 4444)).toEqual(err('unsupported'));
    expect(await p.stopLanRendezvous()).toEqual(err('unsupported'));
    const pdfOptions = {
      pageSize: 'A4',
      landscape: false,
      printBackground: false,
      marginMm: 0,
    } as const;
    expect(await p.printToPdf('<p/>', pdfOptions)).toEqual(err('unsupported'));
  });

  it('saves an export as a download under a cleaned name with the type of its kind', async () => {
    const downloads: [string, string, number[]][] = [];
    const p = browserPlatform(fakeWindow(true), 'web', (name, type, data) =>
      downloads.push([name, type, Array.from(data)]),
    );
    expect(await p.saveFile('../Вести: №3', 'pdf', new Uint8Array([1]))).toEqual(
      ok({ saved: true }),
    );
    expect(await p.saveFile('issue.html', 'html', new Uint8Array([2]))).toEqual(
      ok({ saved: true }),
    );
    expect(await p.saveFile('notes', 'markdown', new Uint8Array([3]))).toEqual(ok({ saved: true }));
    expect(downloads).toEqual([
      ['Вести- №3.pdf', 'application/pdf', [1]],
      ['issue.html', 'text/html;charset=utf-8', [2]],
      ['notes.md', 'text/markdown;charset=utf-8', [3]],
    ]);
  });
});

describe('electronPlatform and platformFor', () => {
  const api = createQuireApi({
    invoke: (channel) => {
      if (channel === ipcContract.printToPdf.channel)
        return Promise.resolve(ok({ pdf: new Uint8Array([1, 2]) }));
      if (channel === ipcContract.saveFile.channel) return Promise.resolve(ok({ saved: false }));
      if (channel === ipcContract.info.channel)
        return Promise.resolve(ok({ platform: 'darwin', version: '0.1.0' }));
      return Promise.resolve(err('untrusted-sender'));
    },
    on: () => () => undefined,
  });

  it('chooses Electron exactly when window.quire exists', () => {
    expect(platformFor({ ...fakeWindow(true), quire: api }).kind).toBe('electron');
    expect(platformFor(fakeWindow(true)).kind).toBe('browser');
  });

  it('unwraps the PDF bytes and passes errors through', async () => {
    const p = electronPlatform(api);
    const options = {
      pageSize: 'Letter',
      landscape: true,
      printBackground: true,
      marginMm: 5,
    } as const;
    const pdf = await p.printToPdf('<p/>', options);
    expect(pdf.ok && Array.from(pdf.value)).toEqual([1, 2]);
    expect(await p.info()).toEqual({ platform: 'darwin', version: '0.1.0' });
    expect(await p.panicWipe()).toEqual(err('untrusted-sender'));
    expect(await p.saveFile('a.pdf', 'pdf', new Uint8Array([1]))).toEqual(ok({ saved: false }));
  });
});
