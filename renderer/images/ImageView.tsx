import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useContext, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { readImageAttrs } from '../../shared/images/readImageAttrs.ts';
import { ImageStoreContext } from './ImageStoreContext.ts';
import { useImageUrl } from './useImageUrl.ts';

/**
 * An image in a draft: the picture from its own image document with its alt text, and the
 * caption below. A placeholder (with the alt text, so nothing is lost to a screen reader) while
 * it has not arrived, or when what arrived is not a valid image.
 */
export function ImageView({ node, selected }: ReactNodeViewProps): ReactElement {
  const { t } = useTranslation();
  const attrs = readImageAttrs(node.attrs);
  const store = useContext(ImageStoreContext);
  const state = useImageUrl(store, attrs?.id);
  const alt = attrs?.decorative ? '' : (attrs?.alt ?? '');
  const why: string =
    state.kind === 'refused' && state.notCanonical === true
      ? t('images.notCanonical')
      : state.kind === 'refused'
        ? t('images.refused')
        : t('images.loading');
  return (
    <NodeViewWrapper
      as="figure"
      className={`draft-image${selected ? ' draft-image--selected' : ''}`}
      data-image-state={state.kind}
    >
      {state.kind === 'ready' ? (
        <img
          src={state.url}
          alt={alt}
          width={attrs?.width}
          height={attrs?.height}
          draggable={false}
        />
      ) : (
        <div
          className="draft-image__placeholder"
          role="img"
          aria-label={alt === '' ? why : `${why}: ${alt}`}
          style={{ aspectRatio: `${attrs?.width ?? 4} / ${attrs?.height ?? 3}` }}
        >
          {why}
        </div>
      )}
      {attrs && attrs.caption !== '' ? <figcaption>{attrs.caption}</figcaption> : null}
    </NodeViewWrapper>
  );
}
