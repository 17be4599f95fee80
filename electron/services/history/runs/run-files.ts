import fs from 'node:fs';
import nodePath from 'node:path';
import type {
  HistoryArchiveInfo,
  HistoryRunInfo,
  HistoryRunKind,
} from '../../../../core/api/domains/history-runs';
import { sidecarPath, walPath } from '../store/integrity';

/** What a run's store holds, kept beside it (`<id>.json`) so the list needs no database opened. */
export type RunManifest = Pick<
  HistoryRunInfo,
  'id' | 'kind' | 'title' | 'createdAt' | 'from' | 'to' | 'samples'
> & {
  /** For an opened archive: its file name. */
  source: string | null;
};

/** `<dataDir>/history/runs/<asset id>/`: one store per run, never the plant's. */
export const runsFolder = (dataDir: string, assetId: string): string =>
  nodePath.join(dataDir, 'history', 'runs', assetId);

export const runStorePath = (dataDir: string, assetId: string, runId: string): string =>
  nodePath.join(runsFolder(dataDir, assetId), `${runId}.duckdb`);

const manifestPath = (storePath: string) => storePath.replace(/\.duckdb$/, '.json');

/** A run's database and the files DuckDB and the store keep beside it. */
const storeFiles = (storePath: string) => [
  storePath,
  walPath(storePath),
  sidecarPath(storePath),
  `${sidecarPath(storePath)}.tmp`,
  manifestPath(storePath),
];

export function writeManifest(storePath: string, manifest: RunManifest): void {
  fs.mkdirSync(nodePath.dirname(storePath), { recursive: true });
  fs.writeFileSync(manifestPath(storePath), JSON.stringify(manifest, null, 2));
}

function readManifest(file: string): RunManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RunManifest>;
    if (typeof m.id !== 'string' || typeof m.title !== 'string' || typeof m.createdAt !== 'number')
      return null;
    const kind: HistoryRunKind =
      m.kind === 'recording' || m.kind === 'archive' || m.kind === 'scenario' ? m.kind : 'scenario';
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    return {
      id: m.id,
      kind,
      title: m.title,
      createdAt: m.createdAt,
      from: num(m.from),
      to: num(m.to),
      samples: num(m.samples),
      source: typeof m.source === 'string' ? m.source : null,
    };
  } catch {
    return null;
  }
}

const sizeOf = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** The runs stored for an asset, newest first. */
export function listRuns(dataDir: string, assetId: string, recording: string | null): HistoryRunInfo[] {
  const folder = runsFolder(dataDir, assetId);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readManifest(nodePath.join(folder, name)))
    .filter((m): m is RunManifest => m !== null)
    .map((m) => {
      const path = runStorePath(dataDir, assetId, m.id);
      return { ...m, bytes: sizeOf(path) + sizeOf(walPath(path)), recording: m.id === recording };
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

export function readRun(dataDir: string, assetId: string, runId: string): RunManifest | null {
  return readManifest(manifestPath(runStorePath(dataDir, assetId, runId)));
}

/** Removes a run's store and every file beside it. */
export function deleteRunFiles(dataDir: string, assetId: string, runId: string): void {
  for (const file of storeFiles(runStorePath(dataDir, assetId, runId))) fs.rmSync(file, { force: true });
}

/** Archives an older version wrote beside the plant's store when the simulator clock went back. */
export function listArchives(
  dataDir: string,
  assetId: string,
  runs: readonly HistoryRunInfo[],
): HistoryArchiveInfo[] {
  const folder = nodePath.join(dataDir, 'history');
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.startsWith(`${assetId}.replaced-`) && name.endsWith('.parquet'))
    .map((file) => {
      const stat = fs.statSync(nodePath.join(folder, file));
      return {
        file,
        bytes: stat.size,
        modifiedAt: stat.mtimeMs,
        openedAs: runs.find((r) => r.source === file)?.id ?? null,
      };
    })
    .sort((a, b) => b.modifiedAt - a.modifiedAt);
}

export const archivePath = (dataDir: string, file: string): string =>
  nodePath.join(dataDir, 'history', nodePath.basename(file));
