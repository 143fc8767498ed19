import type { ReactElement } from 'react';

/**
 * Eight safety words, numbered and large, to read aloud and compare word by word. The list is
 * labelled by the caller (whose words these are).
 */
export function SafetyWords({
  words,
  label,
}: {
  readonly words: readonly string[];
  readonly label: string;
}): ReactElement {
  return (
    <ol className="safety-words" aria-label={label} lang="en">
      {words.map((word, i) => (
        <li key={i} className="safety-words__word">
          {word}
        </li>
      ))}
    </ol>
  );
}
