export { isSafeExternalUrl } from '../../../shared/platform/isSafeExternalUrl.ts';

/** What the confirmation dialog shows: the parsed host (IDN as punycode, so no look-alikes). */
export const describeExternalUrl = (url: string): { host: string; href: string } => {
  const parsed = new URL(url);
  return { host: parsed.host, href: parsed.href };
};
