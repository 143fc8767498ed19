import { useLayoutEffect, useRef, type ReactElement } from 'react';
import { stylePage, type PageBox } from './paginate.ts';

/**
 * One laid-out page at its real size (or `scale`d down for a thumbnail). Its blocks are copies of
 * the paginator's, so that the same page can show in several places (preview, sheet, print).
 */
export function PageView({
  blocks,
  box,
  label,
  number,
  scale,
}: {
  readonly blocks: readonly Element[];
  readonly box: PageBox;
  readonly label: string;
  /** Printed in the bottom margin, as the exported page's footer has it. */
  readonly number: number;
  readonly scale?: number;
}): ReactElement {
  const pageRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const page = pageRef.current;
    const body = bodyRef.current;
    if (!page || !body) return;
    stylePage(page, body, box);
    // Shown as printed: the columns of a page that is not full end level (the paginator measures
    // with column-fill: auto, where an overflow shows as a third column).
    body.classList.add('issue-page__body--balanced');
    body.replaceChildren(...blocks.map((block) => block.cloneNode(true)));
  }, [blocks, box]);
  const page = (
    <div ref={pageRef} role="group" aria-label={label}>
      <div ref={bodyRef} />
      <span
        className="issue-page__number"
        style={{ height: `${box.marginMm}mm` }}
        aria-hidden="true"
      >
        {number}
      </span>
    </div>
  );
  if (scale === undefined) return page;
  return (
    <div
      className="issue-thumb"
      style={{ width: `${box.widthMm * scale}mm`, height: `${box.heightMm * scale}mm` }}
    >
      <div className="issue-thumb__inner" style={{ transform: `scale(${scale})` }}>
        {page}
      </div>
    </div>
  );
}
