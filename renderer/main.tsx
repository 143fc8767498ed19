import './zodJitless.ts';
import './styles.css';
import './shell/forms.css';
import './shell/shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { sodiumReady } from '../shared/crypto/sodium.ts';
import { initI18n, pickLanguage } from './i18n/i18n.ts';
import { getPlatform } from './platform/getPlatform.ts';
import { LinkConfirmHost } from './platform/LinkConfirmHost.tsx';
import { openAppSession } from './session/openAppSession.ts';
import { AppShell } from './shell/AppShell.tsx';
import { shellDepsFromPage } from './shell/shellDepsFromPage.ts';

const params = new URLSearchParams(window.location.search);
// Before the vault is unlocked the language comes from the address or the browser only; the
// person's choice is stored sealed in the vault, never in localStorage.
initI18n(pickLanguage([params.get('lang') ?? '', ...navigator.languages]));

// Start libsodium's WebAssembly now, and prove it runs under the CSP with one real operation.
void sodiumReady().then(
  (sodium) => {
    const ok = sodium.crypto_generichash(32, sodium.from_string('quire'), null).length === 32;
    document.documentElement.dataset['sodium'] = ok ? 'ready' : 'failed';
  },
  () => {
    document.documentElement.dataset['sodium'] = 'failed';
  },
);

const root = document.getElementById('root');
if (root && params.get('harness') === 'cell') {
  // Dev harness: the cell screens over in-memory sessions (renderer/dev/cellHarness.tsx).
  void import('./dev/cellHarness.tsx').then((harness) =>
    harness.renderCellHarness(root, window.location.search),
  );
} else if (root) {
  const deps = shellDepsFromPage(getPlatform(), openAppSession);
  // A caught render error is logged by its ScreenBoundary without content; React's own report
  // would print the message, which may quote a document.
  createRoot(root, { onCaughtError: () => undefined }).render(
    <StrictMode>
      <AppShell deps={deps} />
      {getPlatform().kind === 'browser' && <LinkConfirmHost />}
    </StrictMode>,
  );
}
