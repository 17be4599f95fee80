import fs from 'node:fs';
import nodePath from 'node:path';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { importFile } from '../import/import-file';
import { previewImport } from '../import/import-preview';
import type { HistoryStore } from '../store/history-store';
import { archivePath, deleteRunFiles, type RunManifest } from './run-files';
import { openRunStore, saveRunSpan, type OpenRun, type WorkspaceStoreOptions } from './workspace-stores';

/** The run id and title an archive file (`<asset>.replaced-<stamp>.parquet`) is opened as. */
function archiveRun(file: string): { id: string; title: string } {
  const stamp = /\.replaced-(.+)\.parquet$/.exec(nodePath.basename(file))?.[1] ?? 'unknown';
  // The stamp is an ISO time with ':' and '.' made '-': 2026-05-04T10-11-12-345Z.
  const when = stamp.replace(/^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d).*$/, '$1 $2:$3:$4 UTC');
  return { id: `archive-${stamp}`, title: `History set aside on ${when}` };
}

/**
 * Imports an archive, as an older version exported it (a `timestamp` column, then one column per tag and
 * `<tag>__quality`), into a run's store: every column named after one of the asset's tags.
 */
async function importArchive(store: HistoryStore, file: string): Promise<void> {
  const preview = await previewImport(store, file);
  const tagIds = new Set(store.asset.tags.map((t) => t.id));
  const columns = Object.fromEntries(
    preview.columns.filter((c) => tagIds.has(c.name)).map((c) => [c.name, c.name]),
  );
  if (Object.keys(columns).length === 0)
    throw new Error(`${nodePath.basename(file)} has no column named after a tag of "${store.asset.id}"`);
  await importFile(store, file, {
    format: 'parquet',
    timestampColumn: 'timestamp',
    timestampFormat: 'iso',
    columns,
  });
}

/** Imports an archive file beside the plant's store into a new run's store, open for reading. */
export async function openArchiveRun(
  stores: WorkspaceStoreOptions,
  asset: AssetDefinition,
  file: string,
): Promise<OpenRun> {
  const { dataDir } = stores.ctx;
  const source = archivePath(dataDir, file);
  if (!fs.existsSync(source))
    throw new Error(`file: there is no archive "${file}" in ${nodePath.dirname(source)}`);
  const manifest: RunManifest = {
    ...archiveRun(file),
    kind: 'archive',
    createdAt: Date.now(),
    from: null,
    to: null,
    samples: null,
    source: file,
  };
  const run = openRunStore(stores, asset, manifest, { readFrom: [nodePath.dirname(source)] });
  try {
    await run.queued.ready;
    await importArchive(run.queued.service.require(), source);
    await saveRunSpan(run, dataDir);
    return run;
  } catch (e) {
    await run.queued.close();
    deleteRunFiles(dataDir, asset.id, manifest.id);
    throw e;
  }
}
