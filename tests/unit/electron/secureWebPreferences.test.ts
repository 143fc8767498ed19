import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/policy/secureWebPreferences.ts';

describe('secureWebPreferences', () => {
  it('pins every hardening flag of DESIGN section 7', () => {
    const prefs = secureWebPreferences({ preload: '/app/preload.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      javascript: true,
      devTools: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('can turn JavaScript off (print window) and has no preload unless given one', () => {
    const prefs = secureWebPreferences({ devTools: false, javascript: false });
    expect(prefs.javascript).toBe(false);
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs.sandbox).toBe(true);
  });
});
