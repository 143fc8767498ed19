/**
 * A masthead date (YYYY-MM-DD) written out in the UI language, e.g. "4 December 2026". Formatted
 * in UTC so that the day never shifts with the device's time zone; an invalid date is shown as is.
 */
export function formatIssueDate(date: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(at)) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}
