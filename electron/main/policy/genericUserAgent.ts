/**
 * Electron's user agent names the app and Electron ("... quire/0.1.0 ... Electron/45.4.1 ..."),
 * which would tell every rendezvous server and relay operator that a Quire user is connecting.
 * Drop those tokens so the app looks like plain Chrome on the wire.
 */
export const genericUserAgent = (userAgent: string, appName: string): string => {
  const escaped = appName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return userAgent
    .replace(new RegExp(`\\s*\\b${escaped}/\\S+`, 'gi'), '')
    .replace(/\s*\bElectron\/\S+/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
};
