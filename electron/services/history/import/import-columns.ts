import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../store/schema';
import { detectCsvFileDialect, type CsvDialect } from './csv-dialect';
import { csvSource, wrapParquetError, type ImportFormat, type ImportOptions } from './import-source';

/**
 * Checks the file has the timestamp column and every mapped column, so a wrong delimiter or a missing column
 * gets a plain answer before anything is read. Returns the CSV dialect to read with: the requested delimiter,
 * else the one most lines use (undefined for Parquet).
 */
export async function findColumns(
  writer: DuckDBConnection,
  file: string,
  format: ImportFormat,
  options: ImportOptions,
  wanted: string[],
): Promise<CsvDialect | undefined> {
  const detected = format === 'csv' ? detectCsvFileDialect(file) : undefined;
  const dialect =
    detected && options.delimiter !== undefined ? { ...detected, delimiter: options.delimiter } : detected;
  const source = dialect ? csvSource(file, dialect) : `read_parquet(${literal(file)})`;
  let columns: string[];
  try {
    columns = (await writer.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`))
      .getRows()
      .map((r) => String(r[0]));
  } catch (e) {
    if (format === 'parquet') throw wrapParquetError(file, e);
    throw new Error(`Cannot read "${file}" as CSV: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  const missing = wanted.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const hint =
      dialect && detected && dialect.delimiter !== detected.delimiter
        ? ` The file seems to use another delimiter (most lines are split by ${delimiterName(detected.delimiter)}, not ${delimiterName(dialect.delimiter)}).`
        : '';
    throw new Error(
      `Cannot import "${file}": column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} not found; the file has ${columns.map((c) => `"${c}"`).join(', ')}.${hint}`,
    );
  }
  return dialect;
}

const delimiterName = (d: string) => (d === '\t' ? 'tabs' : `"${d}"`);

/** The SELECT that reads the file into the staging table: row number, epoch-ms timestamp, mapped columns as c0, c1… */
export function stagingSelect(
  file: string,
  options: ImportOptions,
  mappedColumns: string[],
  dialect: CsvDialect | undefined,
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
  const source = dialect ? csvSource(file, { ...dialect, types, rejects }) : `read_parquet(${literal(file)})`;
  const valueCols = mappedColumns
    .map((column, i) => `CAST(${ident(column)} AS DOUBLE) AS ${ident(`c${i}`)}`)
    .join(', ');
  return `SELECT row_number() OVER () AS rn, ${tsExpr} AS ts, ${valueCols} FROM ${source}`;
}
