import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

const stopOnLink = (event: Event): boolean => {
  const target = event.target;
  if (target instanceof Element && target.closest('a')) event.preventDefault();
  return false;
};

/**
 * Links inside a draft are text: a click, middle click or Enter never follows them (a peer may
 * have written the link). Opening one goes through the toolbar and the platform's confirmation.
 */
export const NoLinkNavigation = Extension.create({
  name: 'noLinkNavigation',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('noLinkNavigation'),
        props: {
          handleDOMEvents: {
            click: (_view, event) => stopOnLink(event),
            auxclick: (_view, event) => stopOnLink(event),
          },
        },
      }),
    ];
  },
});
