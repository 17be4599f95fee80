import type { Language } from '../../../../core/api/languages';
import type { AssetDefinition, TagDefinition } from '../../../../core/asset/schema';

/**
 * The two header lines of a CSV export. Line 1 names each column as the UI does, for people (Excel), in the
 * language asked for: `Time (UTC)`, `PT102 Discharge pressure [bar(g)]` / `时间 (UTC)`, `PT102 出口压力 [bar(g)]`.
 * Line 2 holds the stable ids, for machines: `timestamp`, `discharge_pressure` — Twinscape's import reads its
 * columns from it (csv-dialect.ts), pandas with header=1.
 */
export interface CsvExportHeader {
  labels: string[];
  ids: string[];
}

/** Line 1's own words per language (the backend has no i18next; tag names come from the asset file). */
const HEADER_WORDS: Record<Language, { time: string; quality: (column: string) => string }> = {
  en: { time: 'Time (UTC)', quality: (column) => `${column} quality` },
  'zh-CN': { time: '时间 (UTC)', quality: (column) => `${column} 质量` },
};

/** The column label people read: instrument tag, name and unit. */
export const exportColumnLabel = (tag: Pick<TagDefinition, 'instrument' | 'name' | 'unit'>): string =>
  `${tag.instrument} ${tag.name} [${tag.unit}]`;

/** The tags with their names in `language` from the asset's `translations`; names it does not translate stay. */
export function localizedTagNames(
  asset: AssetDefinition,
  language: Language = 'en',
): (tags: readonly TagDefinition[]) => TagDefinition[] {
  const names = asset.translations?.[language]?.tags ?? {};
  return (tags) => tags.map((tag) => ({ ...tag, name: names[tag.id] ?? tag.name }));
}

export function csvExportHeader(
  tags: readonly TagDefinition[],
  includeQuality: boolean,
  language: Language = 'en',
): CsvExportHeader {
  const words = HEADER_WORDS[language];
  const labels = [words.time];
  const ids = ['timestamp'];
  for (const tag of tags) {
    labels.push(exportColumnLabel(tag));
    ids.push(tag.id);
    if (includeQuality) {
      labels.push(words.quality(`${tag.instrument} ${tag.name}`));
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
