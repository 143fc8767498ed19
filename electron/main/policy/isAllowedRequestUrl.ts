const ALLOWED_SCHEMES = new Set(['app:', 'ws:', 'wss:', 'data:', 'blob:', 'devtools:']);

/**
 * Network allow-list for the app session (defence in depth under the CSP): the app origin,
 * rendezvous websockets, and in-memory data/blob URLs. No http(s), no file:, nothing else.
 */
export const isAllowedRequestUrl = (url: string): boolean => {
  const colon = url.indexOf(':');
  if (colon <= 0 || colon > 16) return false;
  return ALLOWED_SCHEMES.has(url.slice(0, colon + 1).toLowerCase());
};
