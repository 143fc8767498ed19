/**
 * The one Content-Security-Policy of the renderer. renderer/index.html carries it as a <meta>
 * (the Vite build fails if the two differ) and scripts/web.ts sends it as a header.
 * 'wasm-unsafe-eval' lets libsodium instantiate its WebAssembly; nothing allows eval of JS.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
