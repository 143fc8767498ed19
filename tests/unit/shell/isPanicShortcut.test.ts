import { describe, expect, it } from 'vitest';
import { isPanicShortcut } from '../../../renderer/shell/isPanicShortcut.ts';
import { readAutoLockOverride } from '../../../renderer/shell/readAutoLockOverride.ts';

const key = (over: Partial<Parameters<typeof isPanicShortcut>[0]>) => ({
  ctrlKey: true,
  shiftKey: true,
  altKey: true,
  metaKey: false,
  code: 'KeyW',
  ...over,
});

describe('isPanicShortcut', () => {
  it('is Ctrl+Shift+Alt+W on the physical key, whatever the layout', () => {
    expect(isPanicShortcut(key({}))).toBe(true);
    // A Russian or Ukrainian layout types "ц" on that key; the code is still KeyW.
    expect(isPanicShortcut({ ...key({}), key: 'Ц' } as Parameters<typeof isPanicShortcut>[0])).toBe(
      true,
    );
  });

  it('needs every modifier and no other', () => {
    expect(isPanicShortcut(key({ ctrlKey: false }))).toBe(false);
    expect(isPanicShortcut(key({ shiftKey: false }))).toBe(false);
    expect(isPanicShortcut(key({ altKey: false }))).toBe(false);
    expect(isPanicShortcut(key({ metaKey: true }))).toBe(false);
    expect(isPanicShortcut(key({ code: 'KeyQ' }))).toBe(false);
  });

  it('ignores auto-repeat, so holding the keys cannot confirm its own dialog', () => {
    expect(isPanicShortcut(key({ repeat: true }))).toBe(false);
  });
});

describe('readAutoLockOverride', () => {
  it('is honoured only in a plain browser, within bounds', () => {
    expect(readAutoLockOverride('?autolockMs=1500', 'browser')).toBe(1500);
    expect(readAutoLockOverride('?autolockMs=1500', 'electron')).toBeUndefined();
    expect(readAutoLockOverride('?autolockMs=50', 'browser')).toBeUndefined();
    expect(readAutoLockOverride('?autolockMs=99999999', 'browser')).toBeUndefined();
    expect(readAutoLockOverride('?autolockMs=1e3', 'browser')).toBeUndefined();
    expect(readAutoLockOverride('?lang=en', 'browser')).toBeUndefined();
  });
});
