import { describe, expect, it } from 'vitest';
import {
  MIN_ACCEPTED_SCORE,
  passphraseStrength,
} from '../../../renderer/shell/passphraseStrength.ts';

describe('passphraseStrength (zxcvbn with the common and English dictionaries)', () => {
  it('refuses guessable passphrases', async () => {
    for (const weak of [
      'password',
      'qwerty123',
      'Password1!',
      'quire2024',
      'iloveyou',
      'aaaaaaaaaaaa',
    ]) {
      expect((await passphraseStrength(weak)).score, weak).toBeLessThan(MIN_ACCEPTED_SCORE);
    }
  });

  it('accepts several random words', async () => {
    for (const strong of ['velvet tundra mosaic quarrel', 'orbit lantern fiscal pebble yonder']) {
      expect((await passphraseStrength(strong)).score, strong).toBeGreaterThanOrEqual(
        MIN_ACCEPTED_SCORE,
      );
    }
  });

  it('reports a warning id the interface can translate', async () => {
    expect((await passphraseStrength('password')).warning).toBe('topTen');
    expect((await passphraseStrength('aaaaaaaaaaaa')).warning).toBe('simpleRepeat');
    expect((await passphraseStrength('velvet tundra mosaic quarrel')).warning).toBeUndefined();
  });
});
