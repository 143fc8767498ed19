import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_CHARS } from '../../../shared/platform/ipcContract.ts';
import { safeFileName } from '../../../shared/platform/safeFileName.ts';

describe('safeFileName', () => {
  it('keeps an ordinary name and adds the extension of its kind once', () => {
    expect(safeFileName('Вести-3-2025-11-07', 'pdf')).toBe('Вести-3-2025-11-07.pdf');
    expect(safeFileName('Вести.PDF', 'pdf')).toBe('Вести.pdf');
    expect(safeFileName('issue.md', 'markdown')).toBe('issue.md');
    expect(safeFileName('issue.pdf', 'html')).toBe('issue.pdf.html');
  });

  it('cannot be made to name another folder, another type or a device', () => {
    expect(safeFileName('../../.bashrc', 'markdown')).toBe('bashrc.md');
    expect(safeFileName('C:\\Windows\\x', 'pdf')).toBe('C-Windows-x.pdf');
    expect(safeFileName('issue.pdf.exe', 'pdf')).toBe('issue.pdf.exe.pdf');
    // A right-to-left override would show "issue.fdp.exe" as "issue.exe.pdf".
    expect(safeFileName('issue\u202Efdp.exe', 'pdf')).toBe('issue-fdp.exe.pdf');
    expect(safeFileName('a\u0000b\nc', 'html')).toBe('a-b-c.html');
    for (const reserved of ['CON', 'nul', 'Com1', 'lpt9']) {
      expect(safeFileName(reserved, 'pdf')).toBe('issue.pdf');
    }
    for (const empty of ['', '...', ' . ', '///'])
      expect(safeFileName(empty, 'pdf')).toBe('issue.pdf');
  });

  it('caps the length by code points without cutting a surrogate pair', () => {
    const long = '📰'.repeat(200);
    const name = safeFileName(long, 'markdown');
    expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
    expect(name.endsWith('📰.md')).toBe(true);
    expect(name).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });
});
