/**
 * The hash a data set written with validation-only healthy episodes (`--extra-val-healthy`) would have
 * without them: those episodes come last in every column, so the hash over the columns' leading rows names
 * the data set every other episode (train, validation, test) comes from. Equal to a model card's
 * `dataset.hash` means those episodes are byte for byte the ones the model was trained and tested on.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetIndex } from '../../core/ml/pump/dataset';
import { datasetHash, sha256Hex } from './dataset-io';

/** Rows of the episodes before the validation-only extras. */
export function baseRows(index: DatasetIndex): number {
  const extra = index.sizes.extraValHealthy ?? 0;
  const base = index.episodes.slice(0, index.episodes.length - extra);
  return base.reduce((s, e) => s + e.rows, 0);
}

export async function baseDatasetHash(dir: string, index: DatasetIndex): Promise<string> {
  const rows = baseRows(index);
  const hashes: string[] = [];
  for (const f of Object.values(index.files)) {
    const buf = new Uint8Array(await readFile(path.join(dir, f.name)));
    const per = (f.dtype === 'float32' ? 4 : 1) * f.width;
    hashes.push(sha256Hex(buf.subarray(0, rows * per)));
  }
  return datasetHash(hashes);
}
