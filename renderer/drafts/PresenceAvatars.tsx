import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { presentPeople } from './presenceChanges.ts';

type Person = { readonly name: string; readonly color: string };

const same = (a: readonly Person[], b: readonly Person[]): boolean =>
  a.length === b.length && a.every((p, i) => p.name === b[i]?.name && p.color === b[i]?.color);

/**
 * Who is in this draft right now: a round badge per person with their initial in their caret's
 * colour, the pseudonym beside it (for screen readers, a plain list; changes are announced by
 * PresenceAnnouncer). You come first.
 */
export function PresenceAvatars({
  awareness,
  me,
}: {
  readonly awareness: Awareness;
  readonly me: Person;
}): ReactElement {
  const { t } = useTranslation();
  const [others, setOthers] = useState<readonly Person[]>(() =>
    presentPeople(awareness.getStates(), awareness.clientID),
  );
  useEffect(() => {
    const onChange = (): void => {
      const next = presentPeople(awareness.getStates(), awareness.clientID);
      setOthers((previous) => (same(previous, next) ? previous : next));
    };
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  const people = [
    { ...me, label: t('drafts.presence.you', { name: me.name }) },
    ...others.map((person) => ({ ...person, label: person.name })),
  ];
  return (
    <div className="presence-avatars">
      <span className="muted small" id={`presence-${awareness.clientID}`}>
        {t('drafts.presence.here')}
      </span>
      <ul aria-labelledby={`presence-${awareness.clientID}`} data-testid="presence-avatars">
        {people.map((person, index) => (
          <li key={index === 0 ? '' : person.name} className="presence-avatars__person">
            <span
              className="presence-avatars__badge"
              style={{ backgroundColor: person.color }}
              aria-hidden="true"
            >
              {Array.from(person.name)[0]?.toUpperCase() ?? '?'}
            </span>
            <span className="presence-avatars__name">{person.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
