/**
 * The text to draw as a QR code: the code itself, unchanged. Codes are upper case letters, digits
 * and dashes only, so the renderer should use the QR alphanumeric mode (about 5.5 bits per
 * character instead of 8); a scanned code goes through parseInviteCode like a pasted one.
 */
export function inviteCodeToQrText(code: string): string {
  return code;
}
