/** setContentProtection works on macOS and Windows; on Linux it silently does nothing. */
export const contentProtectionSupported = (platform: string): boolean =>
  platform === 'darwin' || platform === 'win32';
