import { describe, expect, it } from 'vitest';
import {
  applyProgress,
  newImportId,
  progressText,
  startingProgress,
  type ImportProgressEvent,
} from '../../renderer/src/features/history/dialog/import-progress';
import { historyRequestSchemas } from '../../core/api/domains/history';

const event = (over: Partial<ImportProgressEvent>): ImportProgressEvent => ({
  type: 'history-import-progress',
  importId: 'a',
  phase: 'reading',
  fraction: 0,
  rows: null,
  cancellable: true,
  ...over,
});

describe('import progress in the dialog', () => {
  it('shows the phase and whole percent, ignores other imports and never moves back', () => {
    let v = startingProgress();
    expect(progressText(v)).toBe('Reading file… 0 %');
    v = applyProgress(v, 'a', event({ fraction: 0.4219 }));
    expect(progressText(v)).toBe('Reading file… 42 %');
    expect(applyProgress(v, 'a', event({ importId: 'b', fraction: 0.9 }))).toBe(v);
    expect(applyProgress(v, 'a', event({ fraction: 0.1 }))).toBe(v);
    v = applyProgress(v, 'a', event({ phase: 'merging', fraction: 0.5, rows: 300_000 }));
    expect(progressText(v)).toBe('Merging 300,000 rows into the store… 50 %');
    v = applyProgress(v, 'a', event({ phase: 'merging', fraction: 0.95, rows: 300_000, cancellable: false }));
    expect(v.cancellable).toBe(false);
    expect(progressText(applyProgress(v, 'a', event({ phase: 'done', fraction: 1 })))).toBe(
      'Finishing… 100 %',
    );
  });

  it('makes import ids the API accepts', () => {
    const id = newImportId();
    expect(historyRequestSchemas.cancelImport.safeParse({ importId: id }).success).toBe(true);
    expect(newImportId()).not.toBe(id);
    const bad = historyRequestSchemas.cancelImport.safeParse({ importId: 'a b' });
    expect(bad.error?.issues[0]?.message).toBe('must be 1 to 64 letters, digits, "-" or "_"');
  });
});
