const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "in 2 days", "in 5 hours" in the interface language (a deadline ahead); past ones read "now". */
export function formatTimeUntil(when: number, now: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const left = when - now;
  for (const [unit, size] of UNITS)
    if (left >= size) return format.format(Math.round(left / size), unit);
  return format.format(0, 'second');
}
