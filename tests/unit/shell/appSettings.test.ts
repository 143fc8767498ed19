import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, type AppSettings } from '../../../renderer/settings/AppSettings.ts';
import { decodeAppSettings } from '../../../renderer/settings/decodeAppSettings.ts';
import { encodeAppSettings } from '../../../renderer/settings/encodeAppSettings.ts';
import { APP_SETTINGS_KEY, loadAppSettings } from '../../../renderer/settings/loadAppSettings.ts';
import { saveAppSettings } from '../../../renderer/settings/saveAppSettings.ts';
import { fastVault } from '../vault/vaultFixture.ts';

const CUSTOM: AppSettings = {
  language: 'uk',
  theme: 'dark',
  autoLockMinutes: 15,
  confirmPanicWipe: false,
  contentProtection: false,
};

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('app settings in the vault', () => {
  it('round-trip through the real sealed store, stored only sealed', async () => {
    const { storage, vault } = await fastVault();
    expect(await loadAppSettings(vault.store)).toBeUndefined();
    await saveAppSettings(vault.store, CUSTOM);
    expect(await loadAppSettings(vault.store)).toEqual(CUSTOM);
    const rows = [...storage.raw('settings').entries()];
    expect(rows).toHaveLength(1);
    const [id, bytes] = rows[0]!;
    expect(id).not.toContain(APP_SETTINGS_KEY);
    for (const clear of ['dark', 'uk', 'theme', 'autoLockMinutes']) {
      expect(contains(bytes, utf8(clear)), clear).toBe(false);
    }
  });

  it('pads the row so its size does not depend on the choices', async () => {
    const { storage, vault } = await fastVault();
    await saveAppSettings(vault.store, DEFAULT_APP_SETTINGS);
    const a = [...storage.raw('settings').values()][0]!.length;
    await saveAppSettings(vault.store, CUSTOM);
    const b = [...storage.raw('settings').values()][0]!.length;
    expect(a).toBe(b);
  });

  it('cannot be read once the vault is locked', async () => {
    const { vault } = await fastVault();
    await saveAppSettings(vault.store, CUSTOM);
    vault.lock();
    await expect(loadAppSettings(vault.store)).rejects.toMatchObject({ code: 'locked' });
  });

  it('a tampered row reads as no settings (defaults), never as garbage', async () => {
    const { storage, vault } = await fastVault();
    await saveAppSettings(vault.store, CUSTOM);
    const table = storage.raw('settings');
    const [id, bytes] = [...table.entries()][0]!;
    bytes[bytes.length - 1]! ^= 1;
    table.set(id, bytes);
    expect(await loadAppSettings(vault.store)).toBeUndefined();
  });
});

describe('decodeAppSettings', () => {
  it('decodes what encode wrote', () => {
    expect(decodeAppSettings(encodeAppSettings(CUSTOM))).toEqual({ ok: true, value: CUSTOM });
  });

  it('falls back per field: one unknown value does not lose the others', () => {
    const bytes = utf8(
      JSON.stringify({
        v: 1,
        language: 'fr',
        theme: 'dark',
        autoLockMinutes: 7,
        confirmPanicWipe: 'yes',
        contentProtection: false,
      }),
    );
    expect(decodeAppSettings(bytes)).toEqual({
      ok: true,
      value: { ...DEFAULT_APP_SETTINGS, theme: 'dark', contentProtection: false },
    });
  });

  it('refuses an unknown version, non-JSON, invalid UTF-8 and oversize input', () => {
    expect(decodeAppSettings(utf8(JSON.stringify({ v: 2 })))).toEqual({
      ok: false,
      error: 'malformed',
    });
    expect(decodeAppSettings(utf8('{not json'))).toEqual({ ok: false, error: 'malformed' });
    expect(decodeAppSettings(new Uint8Array([0xff, 0xfe]))).toEqual({
      ok: false,
      error: 'malformed',
    });
    expect(decodeAppSettings(utf8('null'))).toEqual({ ok: false, error: 'malformed' });
    expect(decodeAppSettings(new Uint8Array(5000))).toEqual({ ok: false, error: 'too_large' });
  });
});
