import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/export/IssueBlock.ts';
import { markdownToBlocks } from '../../../shared/export/markdownToBlocks.ts';
import { splitImportTitle } from '../../../shared/export/splitImportTitle.ts';

/** Issue #19 item 6: an imported file printed its title twice (file name, then the H1). */

const read = (md: string): Block[] => {
  const r = markdownToBlocks(md);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('splitImportTitle', () => {
  it('an opening H1 is the title and leaves the body', () => {
    const { title, body } = splitImportTitle(
      read('# Вісник  *осені*\n\nПерший абзац.\n\n## Далі'),
      'bulletin-3.md',
    );
    expect(title).toBe('Вісник осені');
    expect(body).toEqual(read('Перший абзац.\n\n## Далі'));
  });

  it('without an opening H1 the file name is the title and the body is whole', () => {
    const blocks = read('Intro.\n\n# Later heading');
    expect(splitImportTitle(blocks, 'Notes.markdown')).toEqual({ title: 'Notes', body: blocks });
    const h2 = read('## Only a subheading');
    expect(splitImportTitle(h2, 'x.txt')).toEqual({ title: 'x', body: h2 });
  });

  it('an empty H1 falls back to the file name; neither gives ""', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, inlines: [{ text: '  ' }] },
      { type: 'paragraph', inlines: [{ text: 'Text' }] },
    ];
    expect(splitImportTitle(blocks, 'file.md').title).toBe('file');
    expect(splitImportTitle(read('Text'), '.md').title).toBe('');
  });
});
