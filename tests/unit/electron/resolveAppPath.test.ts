import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../electron/main/policy/resolveAppPath.ts';

const root = resolve('/srv/quire/dist/renderer');

describe('resolveAppPath', () => {
  it('maps app://quire/ paths to files under the root', () => {
    expect(resolveAppPath(root, 'app://quire/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://quire/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://quire/assets/index-Bx_9-k.js')).toBe(
      join(root, 'assets', 'index-Bx_9-k.js'),
    );
    expect(resolveAppPath(root, 'app://quire/assets/a.wasm?v=1#x')).toBe(
      join(root, 'assets', 'a.wasm'),
    );
    expect(resolveAppPath('relative/dir', 'app://quire/a.js')).toBe(
      resolve('relative/dir', 'a.js'),
    );
  });

  it.each([
    ['parent segment', 'app://quire/../etc/passwd'],
    ['nested parent', 'app://quire/assets/../../secret'],
    ['trailing parent', 'app://quire/assets/..'],
    ['dot segment', 'app://quire/./index.html'],
    ['encoded dots', 'app://quire/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dots', 'app://quire/%2E%2e/secret'],
    ['encoded slash', 'app://quire/..%2f..%2fsecret'],
    ['encoded backslash', 'app://quire/..%5c..%5csecret'],
    ['double encoding', 'app://quire/%252e%252e/secret'],
    ['backslash', 'app://quire/..\\..\\secret'],
    ['encoded NUL', 'app://quire/index.html%00.png'],
    ['raw NUL', 'app://quire/index.html\0.png'],
    ['absolute path in path', 'app://quire//etc/passwd'],
    ['windows drive', 'app://quire/C:/Windows/win.ini'],
    ['windows device name', 'app://quire/assets/nul.js'],
    ['dotfile', 'app://quire/.env'],
    ['dots inside a name', 'app://quire/a..b/x.js'],
    ['trailing dot', 'app://quire/index.html.'],
    ['other host', 'app://evil/index.html'],
    ['host prefix trick', 'app://quire.evil/index.html'],
    ['port', 'app://quire:8080/index.html'],
    ['credentials', 'app://user@quire/index.html'],
    ['other scheme', 'file:///srv/quire/dist/renderer/index.html'],
    ['https', 'https://quire/index.html'],
    ['no path', 'app://quire'],
    ['plain absolute path', '/etc/passwd'],
    ['unicode', 'app://quire/ind\u0435x.html'],
    ['space', 'app://quire/a b.js'],
  ])('rejects %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('rejects over-long URLs', () => {
    expect(resolveAppPath(root, `app://quire/${'a'.repeat(3000)}.js`)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const alphabet = ['a', '.', '/', '%', '2', 'e', 'f', '\\', '5', 'c', '0', ':', '?'];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 5000; i += 1) {
      let path = '';
      const len = 1 + rand(12);
      for (let j = 0; j < len; j += 1) path += alphabet[rand(alphabet.length)];
      const out = resolveAppPath(root, `app://quire/${path}`);
      if (out !== null) {
        expect(out.startsWith(root + '/') || out.startsWith(root + '\\')).toBe(true);
        expect(out).not.toContain('..');
      }
    }
  });
});
