import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../core/api/domains/history';
import {
  buildImportRequest,
  defaultExportRange,
  formatBytes,
  guessTimestampFormat,
  initialMapping,
  setColumnRole,
} from '../../renderer/src/features/history/dialog/history-dialog-logic';

const tags = [
  { id: 'flow', name: 'Flow' },
  { id: 'discharge_pressure', name: 'Discharge pressure' },
];
const preview = (columns: [string, string][], first: string[]): ImportPreview => ({
  file: '/tmp/x.csv',
  format: 'csv',
  columns: columns.map(([name, type]) => ({ name, type })),
  rows: [first],
  delimiter: ',',
});

describe('import mapping', () => {
  it('takes a time-named column as timestamp and matches tags by id or name', () => {
    const p = preview(
      [
        ['Flow', 'DOUBLE'],
        ['time', 'BIGINT'],
        ['discharge-pressure', 'DOUBLE'],
        ['operator', 'VARCHAR'],
      ],
      ['1', '1767225600000', '2', 'x'],
    );
    const m = initialMapping(p, tags);
    expect(m.roles).toEqual({
      Flow: { kind: 'tag', tagId: 'flow' },
      time: { kind: 'timestamp' },
      'discharge-pressure': { kind: 'tag', tagId: 'discharge_pressure' },
      operator: { kind: 'ignore' },
    });
    expect(m.timestampFormat).toBe('epoch-ms');
  });

  it('guesses ISO for timestamp types and text, seconds for small epochs', () => {
    expect(guessTimestampFormat('TIMESTAMP WITH TIME ZONE', '2026-01-01 00:00:00+00')).toBe('iso');
    expect(guessTimestampFormat('VARCHAR', '2026-01-01T00:00:00Z')).toBe('iso');
    expect(guessTimestampFormat('BIGINT', '1767225600')).toBe('epoch-s');
    expect(guessTimestampFormat('BIGINT', '1767225600000')).toBe('epoch-ms');
  });

  it('keeps one timestamp column when the user picks another', () => {
    const p = preview(
      [
        ['ts', 'TIMESTAMP'],
        ['when', 'VARCHAR'],
        ['flow', 'DOUBLE'],
      ],
      ['a', 'b', '1'],
    );
    const m = setColumnRole(initialMapping(p, tags), 'when', { kind: 'timestamp' });
    expect(m.roles.ts).toEqual({ kind: 'ignore' });
    expect(m.roles.when).toEqual({ kind: 'timestamp' });
  });

  it('builds the request with only mapped columns and the detected delimiter', () => {
    const p = preview(
      [
        ['ts', 'TIMESTAMP'],
        ['flow', 'DOUBLE'],
        ['note', 'VARCHAR'],
      ],
      ['a', '1', 'n'],
    );
    const r = buildImportRequest(' /tmp/x.csv ', p, initialMapping(p, tags));
    expect(r).toEqual({
      request: {
        path: '/tmp/x.csv',
        format: 'csv',
        timestampColumn: 'ts',
        timestampFormat: 'iso',
        columns: { flow: 'flow' },
        delimiter: ',',
      },
    });
  });

  it('refuses a mapping without timestamp, without tags, or with a tag used twice', () => {
    const p = preview(
      [
        ['ts', 'TIMESTAMP'],
        ['a', 'DOUBLE'],
        ['b', 'DOUBLE'],
      ],
      ['x', '1', '2'],
    );
    let m = initialMapping(p, tags);
    expect(buildImportRequest('/f', p, m)).toEqual({ error: 'Map at least one column to a tag.' });
    m = setColumnRole(m, 'a', { kind: 'tag', tagId: 'flow' });
    m = setColumnRole(m, 'b', { kind: 'tag', tagId: 'flow' });
    expect(buildImportRequest('/f', p, m)).toEqual({ error: 'Columns "a" and "b" both map to tag flow.' });
    m = setColumnRole(m, 'ts', { kind: 'ignore' });
    expect(buildImportRequest('/f', p, m)).toEqual({ error: 'Choose the timestamp column.' });
  });
});

describe('export defaults', () => {
  const H = 3_600_000;
  it('uses the visible timeline range, clipped to what is stored', () => {
    expect(defaultExportRange({ from: 0, to: 10 * H }, { from: 2 * H, to: 5 * H }, 99 * H)).toEqual({
      from: 2 * H,
      to: 5 * H + 1,
    });
  });
  it('falls back to the whole store, then to the last hour before now', () => {
    expect(defaultExportRange(null, { from: H, to: 3 * H }, 99 * H)).toEqual({ from: H, to: 3 * H + 1 });
    expect(defaultExportRange(null, { from: null, to: null }, 99 * H)).toEqual({ from: 98 * H, to: 99 * H });
  });
  it('formats sizes on disk', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MiB');
    expect(formatBytes(1536 * 1024 * 1024)).toBe('1.50 GiB');
  });
});
