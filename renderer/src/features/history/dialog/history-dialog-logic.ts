import type { ImportHistoryRequest, ImportPreview } from '../../../../../core/api/domains/history';
import { i18n } from '../../../i18n/i18n';

export type TimestampFormat = ImportHistoryRequest['timestampFormat'];

/** What the user chose for one file column: the time axis, a tag, or nothing. */
export type ColumnRole = { kind: 'timestamp' } | { kind: 'tag'; tagId: string } | { kind: 'ignore' };

export interface ImportMapping {
  roles: Record<string, ColumnRole>;
  timestampFormat: TimestampFormat;
}

interface TagRef {
  id: string;
  name?: string;
}

const TIME_NAMES = /^(ts|t|time|timestamp|date_?time|datetime|zeit|utc|time_?utc)$/i;
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Epoch values above this are milliseconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const EPOCH_MS_FROM = 1e11;

/** Guesses the format of a timestamp column from its DuckDB type and its first value. */
export function guessTimestampFormat(type: string, sample: string | null): TimestampFormat {
  if (/TIMESTAMP|DATE/i.test(type)) return 'iso';
  const n = sample === null ? Number.NaN : Number(sample);
  if (Number.isFinite(n)) return Math.abs(n) >= EPOCH_MS_FROM ? 'epoch-ms' : 'epoch-s';
  return 'iso';
}

/**
 * First mapping after a preview: a time-like column (by name, else the first TIMESTAMP column, else the first
 * column) is the timestamp; every other column maps to the tag whose id or name matches it, else is ignored.
 */
export function initialMapping(preview: ImportPreview, tags: readonly TagRef[]): ImportMapping {
  const cols = preview.columns;
  const tsIndex = Math.max(
    0,
    cols.findIndex((c) => TIME_NAMES.test(c.name)) >= 0
      ? cols.findIndex((c) => TIME_NAMES.test(c.name))
      : cols.findIndex((c) => /TIMESTAMP/i.test(c.type)),
  );
  const byKey = new Map<string, string>();
  for (const t of tags) {
    byKey.set(norm(t.id), t.id);
    if (t.name) byKey.set(norm(t.name), t.id);
  }
  const roles: Record<string, ColumnRole> = {};
  cols.forEach((c, i) => {
    if (i === tsIndex) roles[c.name] = { kind: 'timestamp' };
    else {
      const tagId = byKey.get(norm(c.name));
      roles[c.name] = tagId ? { kind: 'tag', tagId } : { kind: 'ignore' };
    }
  });
  const tsCol = cols[tsIndex];
  const sample = preview.rows[0]?.[tsIndex] ?? null;
  return { roles, timestampFormat: tsCol ? guessTimestampFormat(tsCol.type, sample) : 'iso' };
}

/** Sets one column's role; choosing a new timestamp column turns the previous one to "ignore". */
export function setColumnRole(mapping: ImportMapping, column: string, role: ColumnRole): ImportMapping {
  const roles: Record<string, ColumnRole> = {};
  for (const [name, r] of Object.entries(mapping.roles)) {
    roles[name] = role.kind === 'timestamp' && r.kind === 'timestamp' ? { kind: 'ignore' } : r;
  }
  roles[column] = role;
  return { ...mapping, roles };
}

/** The import request for a mapping, or the reason it cannot be sent yet. */
export function buildImportRequest(
  path: string,
  preview: ImportPreview,
  mapping: ImportMapping,
): { request: ImportHistoryRequest } | { error: string } {
  const entries = Object.entries(mapping.roles);
  const timestamp = entries.find(([, r]) => r.kind === 'timestamp')?.[0];
  if (!timestamp) return { error: i18n.t('history:dialog.import.chooseTimestamp') };
  const columns: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const [name, r] of entries) {
    if (r.kind !== 'tag') continue;
    const other = seen.get(r.tagId);
    if (other) {
      return { error: i18n.t('history:dialog.import.bothMap', { first: other, second: name, tag: r.tagId }) };
    }
    seen.set(r.tagId, name);
    columns[name] = r.tagId;
  }
  if (Object.keys(columns).length === 0) return { error: i18n.t('history:dialog.import.mapOne') };
  return {
    request: {
      path: path.trim(),
      format: preview.format,
      timestampColumn: timestamp,
      timestampFormat: mapping.timestampFormat,
      columns,
      ...(preview.delimiter ? { delimiter: preview.delimiter } : {}),
    },
  };
}

/**
 * Default export range: the span the timeline shows, else the whole store, else the hour before now;
 * clipped to what is stored when both are known.
 */
export function defaultExportRange(
  view: { from: number; to: number } | null,
  stored: { from: number | null; to: number | null },
  now: number,
): { from: number; to: number } {
  const hasStore = stored.from !== null && stored.to !== null;
  let from = view?.from ?? stored.from ?? now - 3_600_000;
  let to = view?.to ?? (stored.to !== null ? stored.to + 1 : now);
  if (hasStore && view) {
    from = Math.max(from, stored.from ?? from);
    to = Math.min(to, (stored.to ?? to) + 1);
  }
  if (to <= from) to = from + 1000;
  return { from: Math.floor(from), to: Math.ceil(to) };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}
