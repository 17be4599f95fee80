import type { ImportPreview } from '../../../../core/api/domains/history';
import type { HistoryStore } from '../store/history-store';
import { checkFile, csvSource, formatOf, wrapParquetError, type ImportFormat } from './import-source';
import { ident, literal } from '../store/schema';

/** First rows and the columns DuckDB detects, for the mapping dialog. */
export async function previewImport(
  store: HistoryStore,
  file: string,
  options: { format?: ImportFormat; delimiter?: string; rows?: number } = {},
): Promise<ImportPreview> {
  checkFile(file);
  const { reader } = store.connections;
  const format = formatOf(file, options.format);
  const limit = Math.max(1, Math.floor(options.rows ?? 20));
  const source =
    format === 'parquet'
      ? `read_parquet(${literal(file)})`
      : csvSource(file, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
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
    const preview: ImportPreview = { file, format, columns, rows };
    if (format === 'csv') {
      const sniff = (
        await reader.runAndReadAll(`SELECT Delimiter, HasHeader FROM sniff_csv(${literal(file)})`)
      ).getRows()[0];
      preview.delimiter = options.delimiter ?? String(sniff?.[0] ?? ',');
      preview.hasHeader = Boolean(sniff?.[1]);
    }
    return preview;
  } catch (e) {
    if (format === 'parquet') throw wrapParquetError(file, e);
    throw new Error(`Cannot read "${file}" as CSV: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
}
