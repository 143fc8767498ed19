import { err, ok, type Result } from '../../shared/util/result.ts';
import { fontFaceCss, ISSUE_FONT_FACES } from './issueFonts.ts';

/** Base64 in chunks: String.fromCharCode over a whole font would overflow the argument stack. */
const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
};

let cached: Promise<Result<string, 'font-unavailable'>> | undefined;

const build = async (): Promise<Result<string, 'font-unavailable'>> => {
  const dataUrls = new Map<string, string>();
  try {
    for (const face of ISSUE_FONT_FACES) {
      // Our own bundled asset (connect-src 'self'); nothing leaves the machine.
      const response = await fetch(face.url);
      if (!response.ok) return err('font-unavailable');
      const bytes = new Uint8Array(await response.arrayBuffer());
      dataUrls.set(face.url, `data:font/woff2;base64,${toBase64(bytes)}`);
    }
  } catch {
    return err('font-unavailable');
  }
  return ok(fontFaceCss((face) => dataUrls.get(face.url) ?? ''));
};

/**
 * The issue font as @font-face rules with data: URLs, for exported HTML and the PDF renderer
 * (whose page may load nothing from outside itself). Built once per page; a failure is not cached.
 */
export const embeddedFontCss = (): Promise<Result<string, 'font-unavailable'>> => {
  cached ??= build().then((result) => {
    if (!result.ok) cached = undefined;
    return result;
  });
  return cached;
};
