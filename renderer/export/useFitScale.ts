import { useLayoutEffect, useState, type RefObject } from 'react';

const PX_PER_MM = 96 / 25.4;

/**
 * The scale (at most 1) at which a page `widthMm` wide fits the content width of `ref`, kept up
 * to date as the element resizes. Scaling is a transform, so the page's own layout (and where
 * it breaks) stays exactly what the paginator measured.
 */
export function useFitScale(ref: RefObject<HTMLElement | null>, widthMm: number): number {
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (): void => {
      const style = getComputedStyle(el);
      const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const next = Math.min(1, Math.max(0.2, inner / (widthMm * PX_PER_MM)));
      setScale(Math.floor(next * 100) / 100);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, widthMm]);
  return scale;
}
