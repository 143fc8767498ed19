import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { presenceChanges, presentNames } from './presenceChanges.ts';

/**
 * Says politely who joins and leaves the open draft ("Boris joined this draft"), for screen
 * readers: the carets' name labels are aria-hidden (read aloud, they broke into sentences).
 * Who is there when the draft opens is not announced, only changes.
 */
export function PresenceAnnouncer({ awareness }: { readonly awareness: Awareness }): ReactElement {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  useEffect(() => {
    let present = presentNames(awareness.getStates(), awareness.clientID);
    const onChange = (): void => {
      const next = presentNames(awareness.getStates(), awareness.clientID);
      const { joined, left } = presenceChanges(present, next);
      present = next;
      const parts = [
        ...joined.map((name) => t('drafts.presence.joined', { name })),
        ...left.map((name) => t('drafts.presence.left', { name })),
      ];
      if (parts.length > 0) setMessage(parts.join(' '));
    };
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness, t]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="presence-announcer">
      {message}
    </p>
  );
}
