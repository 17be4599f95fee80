import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CMAPSS_COLUMNS, formatCmapssError, parseCmapss } from '../../../core/data/cmapss/parse';
import { PROPERTY_TEST_TIMEOUT_MS, propertyOptions, timed } from './property-runs';

/** A token as C-MAPSS files have them, or one that has broken number parsers. */
const token = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 300 }).map(String) },
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v.toPrecision(6)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'NaN',
      'Infinity',
      '-0',
      '1e999',
      '0x10',
      '1_000',
      '',
      '.',
      '-',
      '1e',
      '٣',
      '+.5e-3',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** A row of about 26 tokens, joined by spaces or tabs; sometimes a column short or long. */
const row = fc
  .tuple(
    fc.array(token, { minLength: CMAPSS_COLUMNS - 1, maxLength: CMAPSS_COLUMNS + 1 }),
    fc.constantFrom(' ', '  ', '\t'),
  )
  .map(([tokens, gap]) => tokens.join(gap));

const file = fc
  .tuple(
    fc.array(
      fc.oneof({ weight: 8, arbitrary: row }, { weight: 1, arbitrary: fc.constantFrom('', '  ', '\r') }),
      { maxLength: 40 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, eol]) => lines.join(eol));

const LINE_ERROR = /^train_FD001\.txt line \d+( column \d+)?: \S/;

describe('C-MAPSS files (core/data/cmapss parseCmapss), property-based', () => {
  it(
    'every non-blank line is a kept row or one error naming its line (and column), and nothing throws',
    () => {
      fc.assert(
        fc.property(fc.oneof(file, fc.string({ maxLength: 500 })), (text) => {
          const result = timed('parseCmapss', () => parseCmapss(text, 'train_FD001.txt'));
          const lines = text.split('\n');
          const nonBlank = lines.filter((l) => l.trim() !== '').length;
          expect(result.rows + result.errors.length).toBe(nonBlank);
          expect(result.units.reduce((n, u) => n + u.cycles.length, 0)).toBe(result.rows);
          for (const e of result.errors) {
            expect(formatCmapssError(e)).toMatch(LINE_ERROR);
            expect(lines[e.line - 1]?.trim()).not.toBe('');
          }
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
