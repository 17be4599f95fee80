/** Where the normal period comes from: a CSV/Parquet file or a span of the asset's recorded history. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AssetDefinition } from '../../core/asset/schema';
import type { SampleFrame } from '../../core/data/frame';
import { storePath } from '../../electron/services/history/service';
import { HistoryStore } from '../../electron/services/history/store/history-store';
import type { TimestampFormat } from '../../electron/services/history/import/import-source';
import type { KnownFaultInterval } from '../../core/ml/normal/known-fault';
import { readStoredFaults } from './history-faults';
import { readHistoryRows, type RowSpan } from './history-rows';
import { readNormalFile } from './import-normal-file';

export interface NormalSourceOptions {
  dataDir: string;
  map?: string;
  timeColumn?: string;
  timeFormat?: TimestampFormat;
  /** The first this many rows only. */
  rows?: number;
  /** Only rows in this span (epoch ms), e.g. a card's training span when it is checked again. */
  within?: { from: number; to: number };
  onProgress?: (fraction: number) => void;
  /** Hears what was read, in words. */
  log: (line: string) => void;
}

/** Epoch ms from ISO 8601 (no zone = UTC) or a number of ms; throws naming the flag and the value. */
export function parseTime(text: string, what: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed) ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`${what}: "${text}" is not an ISO date-time or epoch ms`);
  return ms;
}

/** "history:FROM..TO" (either side may be empty) → span; null when `source` is not a history range. */
export function historyRange(source: string): RowSpan | null {
  if (!source.startsWith('history')) return null;
  const range = source.slice('history'.length).replace(/^:/, '');
  if (range === '') return {};
  const parts = range.split('..');
  if (parts.length !== 2)
    throw new Error(`--normal: "${source}" is not history:FROM..TO (ISO date-times or epoch ms)`);
  const [from, to] = parts.map((p) => p.trim());
  return {
    ...(from ? { from: parseTime(from, '--normal history start') } : {}),
    ...(to ? { to: parseTime(to, '--normal history end') } : {}),
  };
}

/**
 * The rows of the normal period as a frame of every asset tag (`t` in epoch s), what they are called, and,
 * for a span of history, the faults and limit alarms the store recorded in it (known faults for the checks).
 */
export async function readNormalSource(
  asset: AssetDefinition,
  source: string,
  options: NormalSourceOptions,
): Promise<{ frame: SampleFrame; label: string; knownFaults: KnownFaultInterval[] }> {
  const limit = {
    ...(options.rows === undefined ? {} : { limit: options.rows }),
    ...(options.within ?? {}),
  };
  const range = historyRange(source);
  if (range) {
    const file = storePath(options.dataDir, asset.id);
    if (!existsSync(file))
      throw new Error(`--normal ${source}: asset ${asset.id} has no recorded history (no ${file})`);
    const store = await HistoryStore.open({ path: file, asset });
    try {
      const frame = await readHistoryRows(store, { ...range, ...limit });
      const n = frame.t.length;
      const knownFaults =
        n > 0 ? await readStoredFaults(store, frame.t[0]! * 1000, frame.t[n - 1]! * 1000) : [];
      options.onProgress?.(1);
      options.log(
        `read ${n} row(s) of ${asset.id}'s history from ${file}` +
          `${knownFaults.length > 0 ? `; ${knownFaults.length} recorded fault(s) or limit alarm(s) overlap it` : ''}`,
      );
      return { frame, label: `history of ${asset.id}`, knownFaults };
    } finally {
      await store.close();
    }
  }
  const file = path.resolve(source);
  const read = await readNormalFile(asset, file, {
    ...(options.map === undefined ? {} : { map: options.map }),
    ...(options.timeColumn === undefined ? {} : { timeColumn: options.timeColumn }),
    ...(options.timeFormat === undefined ? {} : { timeFormat: options.timeFormat }),
    span: limit,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const { report } = read;
  options.log(
    `read ${file} with the history import: ${report.rowsImported} row(s) imported` +
      `${report.duplicateTimestamps > 0 ? `, ${report.duplicateTimestamps} duplicate timestamp(s) collapsed` : ''}` +
      `${report.rejectedCount > 0 ? `, ${report.rejectedCount} malformed line(s) left out (first: line ${report.rejected[0]?.line}, ${report.rejected[0]?.reason})` : ''}`,
  );
  options.log(
    `columns → tags: ${Object.entries(read.mapping)
      .map(([c, t]) => (c === t ? c : `${c} → ${t}`))
      .join(', ')}${read.unused.length > 0 ? `; not used: ${read.unused.join(', ')}` : ''}`,
  );
  return { frame: read.frame, label: path.basename(file), knownFaults: [] };
}
