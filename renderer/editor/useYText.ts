import { useEffect, useRef, type RefObject } from 'react';
import type * as Y from 'yjs';
import { diffText } from './diffText.ts';
import { mapCaret, type TextDeltaOp } from './mapCaret.ts';

/**
 * Binds an uncontrolled <textarea> to a Y.Text. Local input becomes one minimal replacement in
 * one transaction; remote changes rewrite the textarea and move the caret and selection through
 * the change delta, so a peer typing elsewhere never moves the local writer's caret.
 */
export function useYText(yText: Y.Text | undefined): RefObject<HTMLTextAreaElement | null> {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const textarea = ref.current;
    if (!textarea || !yText) return;
    // A unique origin per binding: lets the observer skip exactly our own transactions.
    const origin = Symbol('useYText');
    textarea.value = yText.toJSON();

    const onInput = (): void => {
      const change = diffText(yText.toJSON(), textarea.value, textarea.selectionEnd);
      if (!change) return;
      const doc = yText.doc;
      const apply = (): void => {
        if (change.remove > 0) yText.delete(change.index, change.remove);
        if (change.insert.length > 0) yText.insert(change.index, change.insert);
      };
      if (doc) doc.transact(apply, origin);
      else apply();
    };

    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
      if (transaction.origin === origin) return;
      const { selectionStart, selectionEnd, selectionDirection } = textarea;
      const delta = event.delta as TextDeltaOp[];
      textarea.value = yText.toJSON();
      if (textarea.ownerDocument.activeElement === textarea) {
        textarea.setSelectionRange(
          mapCaret(delta, selectionStart),
          mapCaret(delta, selectionEnd),
          selectionDirection,
        );
      }
    };

    textarea.addEventListener('input', onInput);
    yText.observe(onChange);
    return () => {
      textarea.removeEventListener('input', onInput);
      yText.unobserve(onChange);
    };
  }, [yText]);
  return ref;
}
