import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../store/schema';
import { csvSource, wrapParquetError, type ImportFormat, type ImportOptions } from './import-source';

/**
 * Checks the file has the timestamp column and every mapped column, so a wrong delimiter or a missing column
 * gets a plain answer before anything is read. Returns the CSV delimiter to read with (undefined: sniff it).
 */
export async function findColumns(
  writer: DuckDBConnection,
  file: string,
  format: ImportFormat,
  options: ImportOptions,
  wanted: string[],
): Promise<string | undefined> {
  const source0 =
    format === 'parquet'
      ? `read_parquet(${literal(file)})`
      : csvSource(file, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  let detected: string[];
  try {
    detected = (await writer.runAndReadAll(`DESCRIBE SELECT * FROM ${source0}`))
      .getRows()
      .map((r) => String(r[0]));
  } catch (e) {
    if (format === 'parquet') throw wrapParquetError(file, e);
    throw new Error(`Cannot read "${file}" as CSV: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  let delimiter = options.delimiter;
  if (format === 'csv' && delimiter === undefined && wanted.some((c) => !detected.includes(c))) {
    // The sniffer can be misled by a few malformed lines; try the common delimiters explicitly.
    for (const d of [',', ';', '\t', '|']) {
      const cols = await writer
        .runAndReadAll(`DESCRIBE SELECT * FROM ${csvSource(file, { delimiter: d })}`)
        .then((r) => r.getRows().map((x) => String(x[0])))
        .catch(() => [] as string[]);
      if (wanted.every((c) => cols.includes(c))) {
        detected = cols;
        delimiter = d;
        break;
      }
    }
  }
  const missing = wanted.filter((c) => !detected.includes(c));
  if (missing.length > 0) {
    const hint =
      detected.length === 1 && /[;\t|,]/.test(detected[0] ?? '')
        ? ` The file seems to use another delimiter (one column "${detected[0]}" was found).`
        : '';
    throw new Error(
      `Cannot import "${file}": column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} not found; the file has ${detected.map((c) => `"${c}"`).join(', ')}.${hint}`,
    );
  }
  return delimiter;
}

/** The SELECT that reads the file into the staging table: row number, epoch-ms timestamp, mapped columns as c0, c1… */
export function stagingSelect(
  file: string,
  format: ImportFormat,
  options: ImportOptions,
  mappedColumns: string[],
  delimiter: string | undefined,
  rejects: { table: string; scan: string },
): string {
  const tsCol = options.timestampColumn;
  const tsType = options.timestampFormat === 'iso' ? 'TIMESTAMPTZ' : 'DOUBLE';
  const tsExpr =
    options.timestampFormat === 'iso'
      ? `epoch_ms(CAST(${ident(tsCol)} AS TIMESTAMPTZ))`
      : options.timestampFormat === 'epoch-s'
        ? `CAST(round(CAST(${ident(tsCol)} AS DOUBLE) * 1000) AS BIGINT)`
        : `CAST(round(CAST(${ident(tsCol)} AS DOUBLE)) AS BIGINT)`;
  const types: Record<string, string> = { [tsCol]: tsType };
  for (const column of mappedColumns) types[column] = 'DOUBLE';
  const source =
    format === 'parquet'
      ? `read_parquet(${literal(file)})`
      : csvSource(file, { ...(delimiter === undefined ? {} : { delimiter }), types, rejects });
  const valueCols = mappedColumns
    .map((column, i) => `CAST(${ident(column)} AS DOUBLE) AS ${ident(`c${i}`)}`)
    .join(', ');
  return `SELECT row_number() OVER () AS rn, ${tsExpr} AS ts, ${valueCols} FROM ${source}`;
}
