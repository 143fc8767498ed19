import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/locales/en.json';
import { diagnosticLabel, NAMED_COUNTERS } from '../../../renderer/settings/diagnosticLabel.ts';
import { ENVELOPE_REJECTIONS } from '../../../shared/envelope/EnvelopeRejection.ts';
import { Diagnostics } from '../../../shared/sync/Diagnostics.ts';
import { SYNC_REJECTIONS } from '../../../shared/sync/SyncRejection.ts';

const labels = en.settings.cell.diagnostics;

describe('diagnostics labels', () => {
  it('name every counter the sync engine reports, and every reason it refuses for', () => {
    const diagnostics = new Diagnostics();
    for (const reason of [...ENVELOPE_REJECTIONS, ...SYNC_REJECTIONS]) diagnostics.reject(reason);
    for (const name of Object.keys(diagnostics.snapshot())) {
      const label = diagnosticLabel(name);
      expect(label.kind, name).not.toBe('unknown');
      if (label.kind === 'named') expect(labels.counters[label.counter], name).toBeTruthy();
      if (label.kind === 'rejected') expect(labels.reasons[label.reason], name).toBeTruthy();
    }
  });

  it('have a locale string for each named counter', () => {
    for (const key of Object.values(NAMED_COUNTERS)) expect(labels.counters[key], key).toBeTruthy();
  });

  it('keep invite-room counters apart from the engine’s and fall back for the unknown', () => {
    expect(diagnosticLabel('invites.duplicates')).toEqual({
      kind: 'named',
      counter: 'invitesDuplicates',
    });
    expect(diagnosticLabel('duplicates')).toEqual({ kind: 'named', counter: 'duplicates' });
    expect(diagnosticLabel('invites.dropped.request.too_many')).toEqual({ kind: 'inviteDropped' });
    expect(diagnosticLabel('rejected.bad_signature')).toEqual({
      kind: 'rejected',
      reason: 'bad_signature',
    });
    for (const odd of ['rejected.', 'rejected.no_such_reason', 'toString', '__proto__', '']) {
      expect(diagnosticLabel(odd), odd).toEqual({ kind: 'unknown' });
    }
  });
});
