import { useEffect, useState } from 'react';
import { passphraseStrength, type PassphraseStrength } from './passphraseStrength.ts';

const DEBOUNCE_MS = 120;

/** The strength of `passphrase`, recomputed shortly after typing pauses; undefined while empty. */
export function usePassphraseStrength(passphrase: string): PassphraseStrength | undefined {
  const [result, setResult] = useState<{ for: string; strength: PassphraseStrength } | undefined>();
  useEffect(() => {
    if (passphrase === '') return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void passphraseStrength(passphrase).then((strength) => {
        if (!cancelled) setResult({ for: passphrase, strength });
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [passphrase]);
  // Never show the verdict of an older text as if it were the current one.
  return result !== undefined && result.for === passphrase ? result.strength : undefined;
}
