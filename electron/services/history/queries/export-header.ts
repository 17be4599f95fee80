import type { TagDefinition } from '../../../../core/asset/schema';

/**
 * The two header lines of a CSV export. Line 1 names each column as the UI does, for people (Excel):
 * `Time (UTC)`, `PT102 Discharge pressure [bar(g)]`. Line 2 holds the stable ids, for machines: `timestamp`,
 * `discharge_pressure` — Twinscape's import reads its columns from it (csv-dialect.ts), pandas with header=1.
 */
export interface CsvExportHeader {
  labels: string[];
  ids: string[];
}

/** The column label people read: instrument tag, name and unit. */
export const exportColumnLabel = (tag: Pick<TagDefinition, 'instrument' | 'name' | 'unit'>): string =>
  `${tag.instrument} ${tag.name} [${tag.unit}]`;

export function csvExportHeader(tags: readonly TagDefinition[], includeQuality: boolean): CsvExportHeader {
  const labels = ['Time (UTC)'];
  const ids = ['timestamp'];
  for (const tag of tags) {
    labels.push(exportColumnLabel(tag));
    ids.push(tag.id);
    if (includeQuality) {
      labels.push(`${tag.instrument} ${tag.name} quality`);
      ids.push(`${tag.id}__quality`);
    }
  }
  return { labels, ids };
}

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The header as the file's first two lines. */
export const csvHeaderText = (header: CsvExportHeader): string =>
  `${header.labels.map(csvField).join(',')}\n${header.ids.map(csvField).join(',')}\n`;
