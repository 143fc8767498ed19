/**
 * A comment's text as stored: line breaks kept (as '\n'), other control characters dropped,
 * trailing spaces of lines and blank lines at either end removed.
 */
export function cleanComment(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .trim();
}
