import {
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
} from 'react';
import { useTranslation } from 'react-i18next';
import { COVER, type CoverRegion } from '../../shared/images/coverRegions.ts';

/** One arrow key press moves or resizes a region by this fraction of the picture. */
const STEP = 0.02;
/** A region drawn or resized is at least this big (fraction of each side). */
const MIN = 0.02;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const pct = (v: number): number => Math.round(v * 100);

/** The region kept inside the picture and at least MIN on each side. */
function fit(r: CoverRegion): CoverRegion {
  const width = clamp(r.width, MIN, 1);
  const height = clamp(r.height, MIN, 1);
  return {
    x: clamp(r.x, 0, 1 - width),
    y: clamp(r.y, 0, 1 - height),
    width,
    height,
  };
}

/** What an arrow key does to a region: moves it, or with Shift resizes it. */
function stepped(r: CoverRegion, key: string, resize: boolean): CoverRegion | undefined {
  const dx = key === 'ArrowLeft' ? -STEP : key === 'ArrowRight' ? STEP : 0;
  const dy = key === 'ArrowUp' ? -STEP : key === 'ArrowDown' ? STEP : 0;
  if (dx === 0 && dy === 0) return undefined;
  return fit(
    resize
      ? { ...r, width: r.width + dx, height: r.height + dy }
      : { ...r, x: r.x + dx, y: r.y + dy },
  );
}

type Drag =
  | { readonly kind: 'draw'; readonly x: number; readonly y: number }
  | { readonly kind: 'move'; readonly index: number; readonly dx: number; readonly dy: number };

/**
 * Over the cleaned preview, the member marks the parts to cover (faces, tattoos, signs): drag
 * across the picture to draw a region, drag a region to move it; or with the keyboard, add one
 * and move it with the arrow keys (Shift: resize), Delete removes it. The sanitiser covers them
 * (shared/images/coverRegions.ts) and the preview shows the result.
 */
export function CoverRegionsEditor({
  url,
  regions,
  onChange,
}: {
  readonly url: string;
  readonly regions: readonly CoverRegion[];
  readonly onChange: (regions: CoverRegion[]) => void;
}): ReactElement {
  const { t } = useTranslation();
  const stage = useRef<HTMLDivElement>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [drag, setDrag] = useState<Drag | undefined>();
  const [drawn, setDrawn] = useState<CoverRegion | undefined>();

  const at = (event: PointerEvent): { x: number; y: number } => {
    const box = stage.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return { x: 0, y: 0 };
    return {
      x: clamp((event.clientX - box.left) / box.width, 0, 1),
      y: clamp((event.clientY - box.top) / box.height, 0, 1),
    };
  };
  const replace = (index: number, region: CoverRegion): void =>
    onChange(regions.map((r, i) => (i === index ? region : r)));
  const remove = (index: number): void => onChange(regions.filter((_, i) => i !== index));
  const focus = (index: number): void => {
    requestAnimationFrame(() => buttons.current[index]?.focus());
  };
  const full = regions.length >= COVER.maxRegions;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    const p = at(event);
    const index = Number((event.target as HTMLElement).dataset['region'] ?? NaN);
    const region = regions[index];
    if (region) setDrag({ kind: 'move', index, dx: p.x - region.x, dy: p.y - region.y });
    else if (!full) setDrag({ kind: 'draw', ...p });
    else return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!drag) return;
    const p = at(event);
    if (drag.kind === 'move') {
      const region = regions[drag.index];
      if (region) replace(drag.index, fit({ ...region, x: p.x - drag.dx, y: p.y - drag.dy }));
    } else
      setDrawn({
        x: Math.min(p.x, drag.x),
        y: Math.min(p.y, drag.y),
        width: Math.abs(p.x - drag.x),
        height: Math.abs(p.y - drag.y),
      });
  };
  const onPointerUp = (): void => {
    if (drag?.kind === 'draw' && drawn && drawn.width >= MIN && drawn.height >= MIN)
      onChange([...regions, fit(drawn)]);
    setDrag(undefined);
    setDrawn(undefined);
  };
  const onKey = (index: number, event: KeyboardEvent<HTMLButtonElement>): void => {
    const region = regions[index];
    if (!region) return;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      remove(index);
      focus(Math.max(0, index - 1));
      return;
    }
    const next = stepped(region, event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    replace(index, next);
  };

  const box = (r: CoverRegion): CSSProperties => ({
    left: `${r.x * 100}%`,
    top: `${r.y * 100}%`,
    width: `${r.width * 100}%`,
    height: `${r.height * 100}%`,
  });

  return (
    <fieldset className="cover-regions">
      <legend>{t('images.cover.heading')}</legend>
      <p className="muted">{t('images.cover.help')}</p>
      <div
        ref={stage}
        className="cover-regions__stage"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <img
          className="image-insert__preview"
          src={url}
          alt={t('images.preview')}
          draggable={false}
        />
        {regions.map((r, i) => (
          <button
            // Regions have no identity beyond their place in the list.
            key={i}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            className="cover-regions__region"
            data-region={i}
            style={box(r)}
            aria-label={t('images.cover.region', {
              n: i + 1,
              x: pct(r.x),
              y: pct(r.y),
              width: pct(r.width),
              height: pct(r.height),
            })}
            onKeyDown={(e) => onKey(i, e)}
          />
        ))}
        {drawn ? (
          <div className="cover-regions__drawn" style={box(drawn)} aria-hidden="true" />
        ) : null}
      </div>
      <div className="cover-regions__actions">
        <button
          type="button"
          disabled={full}
          onClick={() => {
            onChange([...regions, { x: 0.35, y: 0.35, width: 0.3, height: 0.3 }]);
            focus(regions.length);
          }}
        >
          {t('images.cover.add')}
        </button>
        {regions.map((_, i) => (
          <button key={i} type="button" className="button--quiet" onClick={() => remove(i)}>
            {t('images.cover.remove', { n: i + 1 })}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
