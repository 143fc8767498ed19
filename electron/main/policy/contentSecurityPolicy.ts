/**
 * The CSP sent with every response the app serves. 'wasm-unsafe-eval' lets libsodium
 * instantiate WebAssembly (no JS eval); 'unsafe-inline' styles are needed by the editor's
 * inline style attributes; ws:/wss: reach rendezvous servers; blob: workers run Argon2id.
 * frame-ancestors can only be delivered as a header, so it is here and not in index.html.
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
  "frame-ancestors 'none'",
].join('; ');

/** Headers added to every response; they replace any same-named header (case-insensitive). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Returns a copy of `headers` with our security headers forced in. */
export const withSecurityHeaders = (
  headers: Readonly<Record<string, string | string[]>> = {},
): Record<string, string[]> => {
  const ours = new Set(Object.keys(SECURITY_HEADERS).map((k) => k.toLowerCase()));
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (ours.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? [...value] : [value];
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) out[name] = [value];
  return out;
};
