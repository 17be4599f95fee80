/**
 * A CSV or Parquet file of normal running, read with the app's own history import (DuckDB: dialect
 * detection, timestamps, duplicate and malformed rows) into a throw-away store, then back as a SampleFrame.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ImportReport } from '../../core/api/domains/history';
import type { AssetDefinition } from '../../core/asset/schema';
import type { SampleFrame } from '../../core/data/frame';
import { importFile } from '../../electron/services/history/import/import-file';
import { previewImport } from '../../electron/services/history/import/import-preview';
import type { TimestampFormat } from '../../electron/services/history/import/import-source';
import { HistoryStore } from '../../electron/services/history/store/history-store';
import { mapColumns, timeColumn } from './column-map';
import { readHistoryRows, type RowSpan } from './history-rows';

export interface NormalFileOptions {
  /** "col=tag,…"; default: columns named like the asset's tags. */
  map?: string;
  timeColumn?: string;
  /** Default: ISO for text timestamps, epoch seconds or ms (by size) for numbers. */
  timeFormat?: TimestampFormat;
  span?: RowSpan;
  onProgress?: (fraction: number) => void;
}

export interface NormalFile {
  frame: SampleFrame;
  report: ImportReport;
  /** Column → tag id, and the columns left unused. */
  mapping: Record<string, string>;
  unused: string[];
}

function timestampFormat(type: string, sample: string | null | undefined): TimestampFormat {
  if (!/INT|DOUBLE|FLOAT|DECIMAL/i.test(type)) return 'iso';
  return Math.abs(Number(sample)) < 1e11 ? 'epoch-s' : 'epoch-ms';
}

export async function readNormalFile(
  asset: AssetDefinition,
  file: string,
  options: NormalFileOptions = {},
): Promise<NormalFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'twinscape-normal-'));
  const store = await HistoryStore.open({ path: path.join(dir, 'import.duckdb'), asset });
  try {
    const preview = await previewImport(store, file);
    const names = preview.columns.map((c) => c.name);
    const time = timeColumn(names, options.timeColumn);
    const mapping = mapColumns(
      asset,
      names.filter((n) => n !== time),
      options.map,
    );
    const at = names.indexOf(time);
    const format = options.timeFormat ?? timestampFormat(preview.columns[at]!.type, preview.rows[0]?.[at]);
    const report = await importFile(store, file, {
      timestampColumn: time,
      timestampFormat: format,
      columns: mapping,
      onProgress: (p) => options.onProgress?.(p.fraction),
    });
    const frame = await readHistoryRows(store, options.span);
    const unused = names.filter((n) => n !== time && !(n in mapping));
    return { frame, report, mapping, unused };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
