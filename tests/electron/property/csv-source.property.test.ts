// The CSV import reads with DuckDB's read_csv (electron/services/history/import/import-source.ts); its pure
// part is the SQL that names the user's file and delimiter. Property: no file name or delimiter can step
// out of its string literal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvSource } from '../../../electron/services/history/import/import-source';
import { literal } from '../../../electron/services/history/store/schema';
import { PROPERTY_TEST_TIMEOUT_MS, propertyOptions, timed } from '../../core/property/property-runs';

/** Splits SQL into the text outside single-quoted literals and the literals' values. */
function splitLiterals(sql: string): { outside: string; literals: string[] } {
  let outside = '';
  const literals: string[] = [];
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] !== "'") {
      outside += sql[i];
      continue;
    }
    let value = '';
    for (i++; i < sql.length; i++) {
      if (sql[i] === "'" && sql[i + 1] === "'") value += sql[i++];
      else if (sql[i] === "'") break;
      else value += sql[i];
    }
    literals.push(value);
    outside += '?';
  }
  return { outside, literals };
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("'", "''", "x'); DROP TABLE samples; --", "\\'", ';', '\n', "a'||'b"),
);

describe('CSV import source SQL (electron/services/history/import), property-based', () => {
  it(
    'literal() reads back as the same text, whatever quotes it holds',
    () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          expect(splitLiterals(literal(text))).toEqual({ outside: '?', literals: [text] });
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    'a file name and delimiter stay inside their literals in read_csv(...)',
    () => {
      fc.assert(
        fc.property(hostileText, hostileText, (file, delimiter) => {
          const sql = timed('csvSource', () => csvSource(file, { delimiter, hasHeader: true }));
          expect(splitLiterals(sql)).toEqual({
            outside: 'read_csv(?, header = true, delim = ?, null_padding = true)',
            literals: [file, delimiter],
          });
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
