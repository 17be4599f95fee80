/** Node-side file helpers for the ML scripts: hashes, model directories, argument parsing. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { modelFromFiles, modelToFiles, WEIGHTS_FILE, type ModelFiles } from '../../core/ml/io/model-io';

export async function fileRef(file: string): Promise<{ name: string; bytes: number; sha256: string }> {
  const buf = await readFile(file);
  return {
    name: path.basename(file),
    bytes: buf.byteLength,
    sha256: createHash('sha256').update(buf).digest('hex'),
  };
}

export async function saveModelDir(model: tf.LayersModel, dir: string): Promise<ModelFiles> {
  const files = await modelToFiles(model);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'model.json'), files.modelJson);
  await writeFile(path.join(dir, WEIGHTS_FILE), files.weightsBin);
  return files;
}

export async function loadModelDir(dir: string): Promise<tf.LayersModel> {
  const [modelJson, weightsBin] = await Promise.all([
    readFile(path.join(dir, 'model.json'), 'utf8'),
    readFile(path.join(dir, WEIGHTS_FILE)),
  ]);
  return modelFromFiles({ modelJson, weightsBin: new Uint8Array(weightsBin) });
}

export async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses `--key value` and `--flag` arguments; a bare `--` (as npm and vite-node pass through) is
 * ignored, so arguments work with and without it.
 */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || !a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) {
      out.set(a.slice(2, eq), a.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), 'true');
  }
  return out;
}

export function parseSubset(v: string | undefined): 'FD001' | 'FD002' | 'FD003' | 'FD004' {
  const s = (v ?? '').toUpperCase();
  if (s === 'FD001' || s === 'FD002' || s === 'FD003' || s === 'FD004') return s;
  throw new Error(`--subset must be one of FD001, FD002, FD003, FD004 (got ${v ?? 'nothing'})`);
}

/** Repository root (scripts/lib/../..). */
export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const DEFAULT_CMAPSS_DIR = process.env.CMAPSS_DIR ?? path.resolve('../shared/data/cmapss');

/**
 * Whether the process was started to run the script `fileName` (vite-node drops the script path
 * from process.argv, so the original command line is checked too, where the OS exposes it).
 */
export function isMainScript(fileName: string): boolean {
  const matches = (a: string) => a === fileName || a.endsWith('/' + fileName) || a.endsWith('\\' + fileName);
  if (process.argv.some(matches)) return true;
  try {
    return readFileSync('/proc/self/cmdline', 'utf8').split('\0').some(matches);
  } catch {
    return false;
  }
}
