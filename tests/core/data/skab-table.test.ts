import { describe, expect, it } from 'vitest';
import { parseSkabCsv, poolTrainingRows } from '../../../core/data/skab/table';

const TEXT = 'datetime;Current;anomaly\n2020-03-09 10:14:33;1.5;0\n\n2020-03-09 10:14:34;x;1\n';

describe('SKAB CSV table: datetime and strict numbers', () => {
  it('keeps each row’s datetime as written, also through pooling', () => {
    const t = parseSkabCsv(TEXT);
    expect(t.datetime).toEqual(['2020-03-09 10:14:33', '2020-03-09 10:14:34']);
    expect(poolTrainingRows([t, t], 1).datetime).toEqual(['2020-03-09 10:14:33', '2020-03-09 10:14:33']);
    expect(parseSkabCsv('a;b\n1;2\n').datetime).toEqual(['']);
  });

  it('reads a non-number as NaN by default, and with strictNumbers names the file, line and column', () => {
    expect(parseSkabCsv(TEXT).columns.get('Current')![1]).toBeNaN();
    expect(() => parseSkabCsv(TEXT, { source: 'valve1/9.csv', strictNumbers: true })).toThrow(
      'valve1/9.csv: line 4, column "Current": "x" is not a number',
    );
    expect(() => parseSkabCsv('datetime;a\n\n2020;1;2\n', { source: 'f.csv' })).toThrow(
      'f.csv: line 3 has 3 cells, the header 2',
    );
  });
});
