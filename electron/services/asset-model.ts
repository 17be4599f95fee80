import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_MODEL_BYTES } from '../../core/api/domains/asset-model';
import type { AssetProblem } from '../../core/asset/parse';
import { checkGlb } from '../../core/glb/check-glb';
import { isGlbModel, type AssetDefinition } from '../../core/asset/schema';
import { relativePathProblem } from '../../core/validation/relative-path';

/** The GLB file of the running asset, kept in memory for getAssetModel. */
export interface AssetModelBytes {
  fileName: string;
  bytes: Buffer;
}

/**
 * Why the bytes are not a GLB three.js may parse (size, header, chunks, every accessor and buffer range,
 * the budgets of core/glb/limits.ts), or null when it is sound.
 */
export function glbProblem(bytes: Buffer, fileName: string): string | null {
  if (bytes.length > MAX_MODEL_BYTES)
    return `${fileName} is ${bytes.length} bytes; GLB models are limited to ${MAX_MODEL_BYTES / 1e6} MB`;
  const result = checkGlb(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName);
  return result.ok ? null : result.problem;
}

/**
 * The file `model` names beside the asset file, or an Error naming both when `model` is not a plain
 * relative path or resolves outside the asset's folder (the schema refuses such paths; this guards the
 * callers that read a file before the asset is parsed).
 */
export function modelFileBeside(assetPath: string, model: string): string {
  const folder = path.resolve(path.dirname(assetPath));
  const file = path.resolve(folder, model);
  const problem = relativePathProblem(model);
  const relative = path.relative(folder, file);
  if (problem || relative.startsWith('..') || path.isAbsolute(relative))
    throw new Error(`${assetPath}: model "${model}" ${problem ?? 'resolves outside the asset folder'}`);
  return file;
}

/**
 * Reads the GLB the asset names from beside its asset file (startup with --asset); null for a
 * procedural model. Throws an Error naming the asset's `model` field when the file is missing or bad.
 */
export function readModelBeside(assetPath: string, asset: AssetDefinition): AssetModelBytes | null {
  if (!isGlbModel(asset.model)) return null;
  const file = modelFileBeside(assetPath, asset.model);
  let bytes: Buffer;
  try {
    const { size } = statSync(file);
    if (size > MAX_MODEL_BYTES)
      throw new Error(`it is ${size} bytes, over the ${MAX_MODEL_BYTES / 1e6} MB limit`);
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(
      `${assetPath}: model "${asset.model}" cannot be read from ${file}: ${(e as Error).message}`,
    );
  }
  const problem = glbProblem(bytes, asset.model);
  if (problem) throw new Error(`${assetPath}: model: ${problem}`);
  return { fileName: asset.model, bytes };
}

/**
 * The GLB bytes to send with a loadAsset request for an asset file on disk (Electron's File → Open
 * asset…), base64-encoded; undefined when the JSON names no GLB or the file is unreadable, so that the
 * backend reports the missing file against the asset's `model` field.
 */
export async function readModelForRequest(assetFile: string, text: string): Promise<string | undefined> {
  let model: unknown;
  try {
    model = (JSON.parse(text) as { model?: unknown }).model;
  } catch {
    return undefined;
  }
  if (typeof model !== 'string' || !isGlbModel(model)) return undefined;
  try {
    const file = modelFileBeside(assetFile, model);
    if ((await stat(file)).size > MAX_MODEL_BYTES) return undefined;
    return (await readFile(file)).toString('base64');
  } catch {
    return undefined;
  }
}

export type SuppliedModel =
  { ok: true; model: AssetModelBytes | null } | { ok: false; problems: AssetProblem[] };

/** Checks the GLB bytes that came with a loadAsset request (inline or uploaded) against the asset's `model` field. */
export function modelFromRequest(asset: AssetDefinition, bytes: Buffer | undefined): SuppliedModel {
  if (!isGlbModel(asset.model)) return { ok: true, model: null };
  const fail = (message: string): SuppliedModel => ({ ok: false, problems: [{ path: 'model', message }] });
  if (bytes === undefined)
    return fail(
      `names the GLB file "${asset.model}", which was not supplied: open the .json and the .glb together ` +
        '(the desktop app reads it from beside the .json)',
    );
  const problem = glbProblem(bytes, asset.model);
  return problem ? fail(problem) : { ok: true, model: { fileName: asset.model, bytes } };
}
