/**
 * Permissions the app grants to web content: none. The UI needs no camera, microphone,
 * geolocation, notifications, clipboard-read, HID/USB/serial or screen capture, and every grant
 * would be reachable by any script that got past the CSP.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export const isPermissionGranted = (permission: string): boolean =>
  GRANTED_PERMISSIONS.has(permission);
