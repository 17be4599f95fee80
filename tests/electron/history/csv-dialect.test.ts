import { describe, expect, it } from 'vitest';
import { detectCsvDialect, splitCsvLine } from '../../../electron/services/history/import/csv-dialect';

const header = 'timestamp,vfd_frequency,motor_speed,flow,discharge_pressure';
const row = (i: number) =>
  `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z,40.0,1480,${210 + i},4.1`;
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));

describe('CSV dialect detection by majority (electron/services/history/import/csv-dialect.ts)', () => {
  it('keeps the comma when a minority of lines use ";" or have too few fields', () => {
    const lines = [header, ...rows(40)];
    lines[5] = lines[5]!.replaceAll(',', ';');
    lines[12] = lines[12]!.replaceAll(',', ';');
    lines[20] = lines[20]!.split(',').slice(0, 2).join(',');
    lines[30] = lines[30]!.split(',').slice(0, 3).join(',');
    expect(detectCsvDialect(lines)).toEqual({ delimiter: ',', hasHeader: true, skip: 0 });
  });

  it('takes ";" (or tab, or "|") when most lines use it, even with decimal commas', () => {
    const semi = [
      header.replaceAll(',', ';'),
      ...rows(10).map((r) => r.replaceAll(',', ';').replace('.0', ',0')),
    ];
    semi.push('2026-01-01T00:01:00Z,1,2'); // one comma line
    expect(detectCsvDialect(semi)?.delimiter).toBe(';');
    expect(detectCsvDialect([header, ...rows(5)].map((l) => l.replaceAll(',', '\t')))?.delimiter).toBe('\t');
    expect(detectCsvDialect([header, ...rows(5)].map((l) => l.replaceAll(',', '|')))?.delimiter).toBe('|');
  });

  it('sees a header when the first line holds text where the lines below hold numbers or times', () => {
    expect(detectCsvDialect([header, ...rows(3)])?.hasHeader).toBe(true);
    expect(detectCsvDialect(rows(4))?.hasHeader).toBe(false);
    expect(detectCsvDialect(['time,flow'])).toEqual({ delimiter: ',', hasHeader: true, skip: 0 });
    expect(detectCsvDialect(['a,b', 'x,y', 'z,w'])?.hasHeader).toBe(true);
  });

  it('reads the ids line under the people’s header of a Twinscape export as the column names', () => {
    const labels = 'Time (UTC),PT102 Discharge pressure [bar(g)],"FT101 Discharge flow, total [m3/h]"';
    const ids = 'timestamp,discharge_pressure,flow';
    const data = ['2026-01-01T00:00:00.000Z,4.1,210.5', '2026-01-01T00:00:01.000Z,4.2,211'];
    expect(detectCsvDialect([labels, ids, ...data])).toEqual({ delimiter: ',', hasHeader: true, skip: 1 });
    expect(detectCsvDialect([labels, ids])).toEqual({ delimiter: ',', hasHeader: true, skip: 1 });
    // One header line of ids, or two lines of text with no ids, are not that.
    expect(detectCsvDialect([ids, ...data])?.skip).toBe(0);
    expect(detectCsvDialect(['a,b,c', 'x,y,z', 'u,v,w'])?.skip).toBe(0);
  });

  it('counts fields outside quotes only, and has nothing to vote on for one column', () => {
    expect(splitCsvLine('"a,b",c,"say ""hi"""', ',')).toEqual(['a,b', 'c', 'say "hi"']);
    expect(detectCsvDialect(['"PT102 Discharge pressure [bar(g)]";"x"', '1;2'])?.delimiter).toBe(';');
    expect(detectCsvDialect(['time', '1', '2'])).toBeNull();
    expect(detectCsvDialect([])).toBeNull();
  });
});
