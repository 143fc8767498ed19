import { Component, type ErrorInfo, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a boundary guards; picks its message (app.boundary.<part>). */
export type GuardedPart = 'draft' | 'board' | 'issue' | 'cell';

/**
 * Logs a render failure without content: which part failed and the error's class only (a message
 * may quote document text; a component stack names components, never data).
 */
export function logContained(part: GuardedPart, error: unknown): void {
  const kind = error instanceof Error ? error.name : typeof error;
  console.error(`quire: the ${part} view failed to render (${kind}); shown as unavailable`);
}

interface Props {
  readonly part: GuardedPart;
  /** Leaves the failed view (back to the list); without it the button only tries again. */
  readonly onBack?: () => void;
  readonly children: ReactNode;
}

/**
 * A React error boundary: one document that cannot be rendered (a hostile structure, a bug)
 * replaces only its own view with a message and a way back, never the whole screen. Remount with
 * a new `key` to guard another document.
 */
export class ScreenBoundary extends Component<Props, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    logContained(this.props.part, error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { part, onBack } = this.props;
    return (
      <BoundaryMessage
        part={part}
        back={onBack !== undefined}
        onLeave={() => {
          this.setState({ failed: false });
          onBack?.();
        }}
      />
    );
  }
}

function BoundaryMessage({
  part,
  back,
  onLeave,
}: {
  readonly part: GuardedPart;
  readonly back: boolean;
  readonly onLeave: () => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="screen-boundary stack error" role="alert" data-failed={part}>
      <p>{t(`app.boundary.${part}`)}</p>
      <button type="button" onClick={onLeave}>
        {t(back ? 'app.boundary.back' : 'app.boundary.retry')}
      </button>
    </div>
  );
}
