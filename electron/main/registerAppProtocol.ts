import { realpath, readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_SCHEME } from './policy/appOrigin.ts';
import { SECURITY_HEADERS } from './policy/contentSecurityPolicy.ts';
import { mimeTypeFor } from './policy/mimeTypeFor.ts';
import { resolveAppPath } from './policy/resolveAppPath.ts';

/**
 * app: is standard (relative URLs and a real origin) and secure (a secure context: WebCrypto and
 * WebRTC need one), and may use fetch (WebAssembly). Not bypassCSP, no service workers.
 * Must run before the app is ready.
 */
export const registerAppSchemePrivileges = (protocol: Protocol): void => {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
};

const respond = (status: number): Response =>
  new Response(null, { status, headers: { ...SECURITY_HEADERS } });

/** Serves dist/renderer read-only at app://quire/, behind resolveAppPath's traversal guard. */
export const registerAppProtocol = (protocol: Protocol, rootDir: string): void => {
  let realRoot: Promise<string> | undefined;
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405);
    const file = resolveAppPath(rootDir, request.url);
    if (file === null) return respond(404);
    try {
      realRoot ??= realpath(rootDir);
      // A symlink inside the bundle must not lead out of it either.
      const [root, real] = await Promise.all([realRoot, realpath(file)]);
      if (!real.startsWith(root + sep)) return respond(404);
      const body = await readFile(real);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(real) },
      });
    } catch {
      return respond(404);
    }
  });
};
