import { isAllowedLinkHref } from '../../shared/cell/isAllowedLinkHref.ts';

/** Removed with everything inside them: active, embedded, styling or form content. */
const DROP = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'img',
  'picture',
  'source',
  'track',
  'video',
  'audio',
  'canvas',
  'svg',
  'math',
  'map',
  'area',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'datalist',
  'dialog',
]);

/** Kept (without attributes): what the editor schema can represent. Anything else is unwrapped. */
const KEEP = new Set([
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'strike',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'a',
  'code',
  'pre',
]);

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

/** Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold at all. */
const isFakeBold = (element: Element): boolean =>
  element.localName === 'b' &&
  /font-weight\s*:\s*(normal|[1-4]00)\b/i.test(element.getAttribute('style') ?? '');

function clean(node: Node): void {
  for (const child of Array.from(node.childNodes)) {
    if (
      child.nodeType === Node.COMMENT_NODE ||
      child.nodeType === Node.PROCESSING_INSTRUCTION_NODE
    ) {
      child.remove();
      continue;
    }
    if (!(child instanceof Element)) continue;
    const name = child.localName;
    if (DROP.has(name) || child.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      child.remove();
      continue;
    }
    clean(child);
    const href = name === 'a' ? child.getAttribute('href') : null;
    if (!KEEP.has(name) || isFakeBold(child) || (name === 'a' && !isAllowedLinkHref(href))) {
      unwrap(child);
      continue;
    }
    for (const attribute of Array.from(child.attributes)) child.removeAttribute(attribute.name);
    if (name === 'a' && href !== null) child.setAttribute('href', href);
  }
}

/** An event-handler attribute inside a tag (one per tag per pass). */
const HANDLER = /(<[^<>]*?[\s/"'])on([a-z]+\s*=)/gi;

/**
 * Renames on* attributes before parsing. Nothing would run them (the parsed document is inert,
 * and the CSP forbids inline handlers), but Chromium reports a CSP violation for each one it
 * parses; the DOM pass below removes every attribute in any case.
 */
function defuseHandlers(html: string): string {
  let out = html;
  for (let round = 0; round < 32; round++) {
    const next = out.replace(HANDLER, '$1data-off-$2');
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * Reduces pasted (or dropped) HTML to what a draft can hold before ProseMirror parses it: no
 * scripts, styles, images, frames, forms, comments or attributes, and only http(s) links.
 * Parsing happens in an inert document (DOMParser): nothing in it loads or runs.
 */
export function sanitizePastedHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(defuseHandlers(html), 'text/html');
  clean(parsed.body);
  return parsed.body.innerHTML;
}
