import { Link } from '@tiptap/extension-link';
import { isAllowedLinkHref } from '../../shared/cell/isAllowedLinkHref.ts';

/**
 * The link mark with one attribute, href (http/https only). Target, class and title are not
 * part of the schema, so a peer cannot make a link open elsewhere or show a misleading tooltip.
 * A link ends at its last character, as in Google Docs: text typed right after it is plain
 * (tiptap makes the mark inclusive whenever autolink is on; autolink still links a typed URL).
 */
export const SafeLink = Link.extend({
  inclusive() {
    return false;
  },
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('href'),
      },
    };
  },
}).configure({
  openOnClick: false,
  enableClickSelection: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  isAllowedUri: (url) => isAllowedLinkHref(url),
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null },
});
