import { describe, expect, it } from 'vitest';
import { diagnosticNote } from '../../../renderer/settings/diagnosticNote.ts';
import en from '../../../renderer/i18n/locales/en.json';
import ru from '../../../renderer/i18n/locales/ru.json';
import uk from '../../../renderer/i18n/locales/uk.json';

describe('diagnosticNote: is this count expected? (issue 19 item 13)', () => {
  it('refusals from a member just removed are expected; forged data is not', () => {
    expect(diagnosticNote('rejected.not_member')).toBe('afterRemoval');
    expect(diagnosticNote('rejected.not_writer')).toBe('afterRemoval');
    expect(diagnosticNote('rejected.decrypt_failed')).toBe('afterKeyChange');
    expect(diagnosticNote('rejected.bad_signature')).toBe('suspicious');
    expect(diagnosticNote('equivocators')).toBe('suspicious');
    expect(diagnosticNote('applied')).toBe('normal');
    expect(diagnosticNote('invites.dropped.malformed')).toBe('otherTraffic');
    expect(diagnosticNote('some.future.counter')).toBeUndefined();
  });

  it('every note is said in en, ru and uk', () => {
    const notes = ['normal', 'afterRemoval', 'afterKeyChange', 'otherTraffic', 'suspicious'];
    for (const locale of [en, ru, uk]) {
      const said = locale.settings.cell.diagnostics.notes as Record<string, string>;
      for (const note of notes) expect(said[note], note).toMatch(/\S/);
    }
  });
});
