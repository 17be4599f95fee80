/** Reading and writing the pump-skid data set folder (index.json + binary columns). */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAssetJson } from '../../core/asset/parse';
import type { AssetDefinition } from '../../core/asset/schema';
import type { SampleFrame } from '../../core/data/frame';
import {
  parseDatasetIndex,
  type DatasetIndex,
  type EpisodeEntry,
  type Split,
} from '../../core/ml/pump/dataset';
import type { EpisodeRun } from '../../core/ml/pump/episodes';
import { pumpFrame } from '../../core/ml/pump/features';
import { PUMP_CONTROLS, PUMP_TAGS } from '../../core/ml/pump/spec';
import { REPO_ROOT } from '../lib/files';

export const DEFAULT_DATASET_DIR = path.join(REPO_ROOT, '.twinscape-data', 'datasets', 'pump-skid');

export async function loadPumpAsset(): Promise<AssetDefinition> {
  const file = path.join(REPO_ROOT, 'assets', 'pump-skid', 'asset.json');
  const r = parseAssetJson(await readFile(file, 'utf8'), file);
  if (!r.ok) throw new Error(`${file}: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return r.asset;
}

/** SHA-256 of bytes, hex: a column file's hash. */
export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A data set's hash from its column files' hashes, in the index's column order. */
export const datasetHash = (columnHashes: readonly string[]) =>
  sha256Hex(new TextEncoder().encode(columnHashes.join('')));
const bytes = (a: Float32Array | Uint8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Concatenates the runs into four column files and writes index.json; returns the index. */
export async function writeDataset(
  dir: string,
  runs: readonly { run: EpisodeRun; split: Split; faultIndex: number }[],
  meta: Pick<DatasetIndex, 'seed' | 'sizes'>,
): Promise<DatasetIndex> {
  const total = runs.reduce((s, r) => s + r.run.rows, 0);
  const T = PUMP_TAGS.length;
  const C = PUMP_CONTROLS.length;
  const tags = new Float32Array(total * T);
  const controls = new Float32Array(total * C);
  const faultClass = new Uint8Array(total);
  const rul = new Float32Array(total);
  const episodes: EpisodeEntry[] = [];
  let off = 0;
  for (const { run, split, faultIndex } of runs) {
    tags.set(run.tags, off * T);
    controls.set(run.controls, off * C);
    faultClass.set(run.faultClass, off);
    rul.set(run.rulHours, off);
    const p = run.plan;
    episodes.push({
      id: p.id,
      seed: p.seed,
      split,
      kind: p.kind,
      faultIndex,
      faultId: p.faultId,
      targetTag: p.targetTag,
      onsetRow: p.onsetRow,
      eolRow: run.eolRow,
      rows: run.rows,
      rowOffset: off,
    });
    off += run.rows;
  }
  await mkdir(dir, { recursive: true });
  const cols = [
    ['tags', 'tags.f32', 'float32', T, tags],
    ['controls', 'controls.f32', 'float32', C, controls],
    ['faultClass', 'fault-class.u8', 'uint8', 1, faultClass],
    ['rulHours', 'rul-hours.f32', 'float32', 1, rul],
  ] as const;
  const files = {} as DatasetIndex['files'];
  for (const [key, name, dtype, width, data] of cols) {
    await writeFile(path.join(dir, name), bytes(data));
    files[key] = { name, dtype, width, sha256: sha256Hex(bytes(data)) };
  }
  const index: DatasetIndex = {
    schemaVersion: 1,
    asset: 'pump-skid',
    createdAt: new Date().toISOString(),
    seed: meta.seed,
    sizes: meta.sizes,
    samplePeriodS: 60,
    tagIds: [...PUMP_TAGS],
    controlIds: [...PUMP_CONTROLS],
    totalRows: total,
    hash: datasetHash(Object.values(files).map((f) => f.sha256)),
    files,
    episodes,
  };
  parseDatasetIndex(index);
  await writeFile(path.join(dir, 'index.json'), JSON.stringify(index, null, 1) + '\n');
  return index;
}

export interface LoadedEpisode {
  entry: EpisodeEntry;
  frame: SampleFrame;
  faultClass: Uint8Array;
  rulHours: Float32Array;
  /** Raw setpoints [rows, PUMP_CONTROLS] (engineering units). */
  controls: Float32Array;
  /** Raw measured tags [rows, PUMP_TAGS]. */
  tags: Float32Array;
}

export interface LoadedDataset {
  index: DatasetIndex;
  episodes: LoadedEpisode[];
}

/** Loads the data set, checks each column's hash and length, and cleans every episode into a frame. */
export async function loadDataset(dir: string, asset: AssetDefinition): Promise<LoadedDataset> {
  const indexFile = path.join(dir, 'index.json');
  let text: string;
  try {
    text = await readFile(indexFile, 'utf8');
  } catch {
    throw new Error(`no data set at ${dir}: run \`npm run dataset -- --asset pump-skid\` first`);
  }
  const index = parseDatasetIndex(JSON.parse(text), indexFile);
  const read = async (f: DatasetIndex['files']['tags']) => {
    const file = path.join(dir, f.name);
    const buf = new Uint8Array(await readFile(file));
    if (sha256Hex(buf) !== f.sha256) throw new Error(`${file}: sha256 does not match index.json`);
    const per = f.dtype === 'float32' ? 4 : 1;
    if (buf.byteLength !== index.totalRows * f.width * per)
      throw new Error(`${file}: ${buf.byteLength} bytes, expected ${index.totalRows * f.width * per}`);
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    return f.dtype === 'float32' ? new Float32Array(ab) : new Uint8Array(ab);
  };
  const tags = (await read(index.files.tags)) as Float32Array;
  const controls = (await read(index.files.controls)) as Float32Array;
  const faultClass = (await read(index.files.faultClass)) as Uint8Array;
  const rul = (await read(index.files.rulHours)) as Float32Array;
  const T = PUMP_TAGS.length;
  const C = PUMP_CONTROLS.length;
  const episodes = index.episodes.map((e) => {
    const a = e.rowOffset;
    const b = a + e.rows;
    const tg = tags.subarray(a * T, b * T);
    const ct = controls.subarray(a * C, b * C);
    return {
      entry: e,
      frame: pumpFrame(tg, ct, e.rows, asset.tags),
      faultClass: faultClass.subarray(a, b),
      rulHours: rul.subarray(a, b),
      controls: ct,
      tags: tg,
    };
  });
  return { index, episodes };
}

/** The data set with validation-only healthy episodes the health model's detection rule is chosen on. */
export const CALIBRATION_DATASET_DIR = path.join(
  REPO_ROOT,
  '.twinscape-data',
  'datasets',
  'pump-skid-calibration',
);
