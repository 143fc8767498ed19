import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './renderer/contentSecurityPolicy.ts';

const root = import.meta.dirname;

/** Fails the build if renderer/index.html's CSP <meta> drifts from the policy the server sends. */
function checkCspMeta(): Plugin {
  return {
    name: 'quire-check-csp-meta',
    transformIndexHtml(html) {
      const match = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
      if (match?.[1] !== CONTENT_SECURITY_POLICY) {
        throw new Error(
          'renderer/index.html CSP <meta> differs from renderer/contentSecurityPolicy.ts',
        );
      }
      return html;
    },
  };
}

export default defineConfig({
  root: resolve(root, 'renderer'),
  // Relative asset URLs: the same build loads from app:// in Electron and http:// in tests.
  base: './',
  plugins: [react(), checkCspMeta()],
  build: {
    outDir: resolve(root, 'dist/renderer'),
    emptyOutDir: true,
    // libsodium-sumo embeds its WebAssembly; never inline assets as data: URLs beyond that.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
  },
});
