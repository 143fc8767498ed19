import { describe, expect, it } from 'vitest';
import { done, failure } from '../../../node/cli/CommandResult.ts';
import { describeStoreReports, withStoreProblems } from '../../../node/cli/storeOutcome.ts';

describe('what the CLI says about its store', () => {
  it('names each kind of report in one clause, a torn tail only as a note', () => {
    const { problems, notes } = describeStoreReports(
      [
        { kind: 'damaged', bytes: 300, keptAs: 'store.log.damaged-1' },
        { kind: 'damaged', bytes: 1, keptAs: 'store.log.damaged-2' },
        { kind: 'truncated', missingBytes: 4096 },
        { kind: 'row-quarantined', table: 'envelopes' },
        { kind: 'write-failed', code: 'io' },
        { kind: 'write-failed', code: 'full' },
        { kind: 'torn-tail', bytes: 12 },
      ],
      '/h',
    );
    expect(problems).toEqual([
      'the store could not be written: disk full',
      'the store in /h was damaged: 301 bytes kept aside in store.log.damaged-1, store.log.damaged-2; everything else was read',
      'the store in /h lost its end (4096 bytes): it is shorter than it was',
      '1 row of the store could not be opened and was set aside',
    ]);
    expect(notes).toEqual([
      'note: the last write to the store in /h was interrupted and never completed (12 bytes cut off)',
    ]);
    const left = describeStoreReports([{ kind: 'damaged', bytes: 9, keptAs: undefined }], '/h');
    expect(left.problems).toEqual([
      'the store in /h was damaged: 9 bytes left in place (there was no room to copy them aside); everything else was read',
    ]);
  });

  it('a command that did its work still fails when its store had a problem, the problem first', () => {
    expect(withStoreProblems(done(), [])).toEqual(done());
    expect(withStoreProblems(done(), ['the store could not be written: disk full'])).toEqual(
      failure('failed', 'the store could not be written: disk full'),
    );
    expect(
      withStoreProblems(failure('denied', 'wrong passphrase'), ['the store in /h lost its end']),
    ).toEqual(failure('denied', 'the store in /h lost its end; wrong passphrase'));
  });
});
