import type { ImportPreview } from '../../../../core/api/domains/history';
import type { HistoryStore } from '../store/history-store';
import { detectCsvFileDialect } from './csv-dialect';
import { checkFile, csvSource, formatOf, wrapParquetError, type ImportFormat } from './import-source';
import { ident, literal } from '../store/schema';

/** First rows and the columns DuckDB detects, for the mapping dialog; a CSV's delimiter and header by majority. */
export async function previewImport(
  store: HistoryStore,
  file: string,
  options: { format?: ImportFormat; delimiter?: string; rows?: number } = {},
): Promise<ImportPreview> {
  checkFile(file);
  const { reader } = store.connections;
  const format = formatOf(file, options.format);
  const limit = Math.max(1, Math.floor(options.rows ?? 20));
  const dialect = format === 'csv' ? detectCsvFileDialect(file) : undefined;
  if (dialect && options.delimiter !== undefined) dialect.delimiter = options.delimiter;
  const source = dialect ? csvSource(file, dialect) : `read_parquet(${literal(file)})`;
  try {
    const described = (await reader.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRows();
    const columns = described.map((r) => ({ name: String(r[0]), type: String(r[1]) }));
    const rows = (
      await reader.runAndReadAll(
        `SELECT ${columns.map((c) => `${ident(c.name)}::VARCHAR`).join(', ')} FROM ${source} LIMIT ${limit}`,
      )
    )
      .getRows()
      .map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));
    const csv = dialect ? { delimiter: dialect.delimiter, hasHeader: dialect.hasHeader } : {};
    return { file, format, columns, rows, ...csv };
  } catch (e) {
    if (format === 'parquet') throw wrapParquetError(file, e);
    throw new Error(`Cannot read "${file}" as CSV: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
}
