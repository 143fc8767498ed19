import { formatRelativeTime } from '../drafts/formatRelativeTime.ts';

/**
 * How long ago the status line's last change arrived, in the interface language: seconds for the
 * first minute (the line ticks every second), then minutes, hours, days as the draft list says
 * it ("3600 s ago" was hard to read). A clock slightly ahead counts as 0 seconds.
 */
export function formatSyncedAgo(then: number, now: number, language: string): string {
  const elapsed = Math.max(0, now - then);
  if (elapsed >= 60_000) return formatRelativeTime(then, now, language);
  return new Intl.RelativeTimeFormat(language, { numeric: 'always' }).format(
    -Math.round(elapsed / 1000),
    'second',
  );
}
