import './zodJitless.ts';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { sodiumReady } from '../shared/crypto/sodium.ts';
import { initI18n, pickLanguage } from './i18n/i18n.ts';
import { readSyncConfig } from './sync/readSyncConfig.ts';
import { App } from './ui/App.tsx';

const params = new URLSearchParams(window.location.search);
initI18n(pickLanguage([params.get('lang') ?? '', ...navigator.languages]));
const config = readSyncConfig(window.location.search);

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
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}
