import { useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, pickLanguage } from '../../renderer/i18n/i18n.ts';
import { ScreenBoundary } from '../../renderer/ui/ScreenBoundary.tsx';

/**
 * Bundled by screenBoundary.spec.ts into a blank page: a draft view that throws while rendering
 * (as the editor binding did on 3,000 nested quotes) inside a ScreenBoundary, next to a sibling
 * that must stay on screen.
 */
function Exploding(): ReactElement {
  throw new RangeError('SECRET draft words: the bus station at 9');
}

function Page(): ReactElement {
  const [open, setOpen] = useState(true);
  return (
    <main>
      <p data-testid="sibling">the draft list is still here</p>
      {open ? (
        <ScreenBoundary part="draft" onBack={() => setOpen(false)}>
          <Exploding />
        </ScreenBoundary>
      ) : (
        <p data-testid="list">back at the list</p>
      )}
    </main>
  );
}

initI18n(pickLanguage([document.documentElement.lang]));
const root = document.getElementById('root');
// As in renderer/main.tsx: React's own report of a caught error would log its message.
if (root) createRoot(root, { onCaughtError: () => undefined }).render(<Page />);
