/**
 * Checks a tfjs layers model.json and its weight shards before tfjs sees them, so a bad file gives an error
 * that names it instead of a shape error deep inside tfjs (or silently wrong weights).
 */
import { relativePathProblem } from '../../../core/validation/relative-path';

/** An error in one model file; the message starts with the file's URL or path. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ModelFileError';
  }
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string };
}

export interface ModelManifest {
  modelTopology: object;
  /** Shard paths, as written in model.json, in weight order. */
  paths: string[];
  specs: WeightSpec[];
  /** Bytes the specs need in total. */
  expectedBytes: number;
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Rejects anything but a plain relative file path in or below the model's folder, also after
 * percent-decoding (`new URL` would turn "%2e%2e%2f" into "../"). A leading "./" is allowed, as tfjs writes it.
 */
export function checkShardPath(path: string, file: string, at = 'weights path'): void {
  const withoutDotSegments = path.replace(/^(\.\/)+/, '');
  const problem = relativePathProblem(withoutDotSegments) ?? (path.endsWith('/') ? 'names a folder' : null);
  if (problem)
    throw new ModelFileError(
      file,
      `${at} "${path}" ${problem}; weight shards must be files in the model's folder`,
    );
}

function weightBytes(spec: WeightSpec, file: string): number {
  const dtype = spec.quantization?.dtype ?? spec.dtype;
  const per = BYTES[dtype];
  if (per === undefined)
    throw new ModelFileError(file, `weight "${spec.name}" has unsupported dtype "${dtype}"`);
  return spec.shape.reduce((a, b) => a * b, 1) * per;
}

function parseSpec(raw: unknown, file: string, at: string): WeightSpec {
  if (!isRecord(raw) || typeof raw.name !== 'string')
    throw new ModelFileError(file, `${at} is not a weight spec with a name`);
  const shape = raw.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0))
    throw new ModelFileError(file, `weight "${raw.name}" has an invalid shape ${JSON.stringify(shape)}`);
  if (raw.dtype !== undefined && typeof raw.dtype !== 'string')
    throw new ModelFileError(file, `weight "${raw.name}" has a dtype that is not a string`);
  const spec: WeightSpec = {
    name: raw.name,
    shape: shape as number[],
    dtype: raw.dtype ?? 'float32',
  };
  if (isRecord(raw.quantization) && typeof raw.quantization.dtype === 'string')
    spec.quantization = { dtype: raw.quantization.dtype };
  return spec;
}

/** Parses model.json text; throws ModelFileError naming `file` for anything tfjs would choke on. */
export function parseModelJson(text: string, file: string): ModelManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ModelFileError(file, `not valid JSON (${(e as Error).message})`);
  }
  if (!isRecord(json)) throw new ModelFileError(file, 'is not a JSON object');
  if (!isRecord(json.modelTopology)) throw new ModelFileError(file, 'has no modelTopology');
  if (json.format !== undefined && json.format !== 'layers-model')
    throw new ModelFileError(
      file,
      typeof json.format === 'string'
        ? `format "${json.format}" is not a layers model`
        : `format must be "layers-model", got a value of type ${typeof json.format}`,
    );
  if (!Array.isArray(json.weightsManifest)) throw new ModelFileError(file, 'has no weightsManifest');
  const paths: string[] = [];
  const specs: WeightSpec[] = [];
  json.weightsManifest.forEach((group: unknown, g) => {
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      throw new ModelFileError(file, `weightsManifest[${g}] needs "paths" and "weights" arrays`);
    group.paths.forEach((p: unknown, i) => {
      const at = `weightsManifest[${g}].paths[${i}]`;
      if (typeof p !== 'string') throw new ModelFileError(file, `${at} is not a string`);
      checkShardPath(p, file, at);
      paths.push(p);
    });
    group.weights.forEach((w: unknown, i) =>
      specs.push(parseSpec(w, file, `weightsManifest[${g}].weights[${i}]`)),
    );
  });
  const expectedBytes = specs.reduce((sum, s) => sum + weightBytes(s, file), 0);
  return { modelTopology: json.modelTopology, paths, specs, expectedBytes };
}

/** Throws unless the shards hold exactly the bytes the manifest's shapes need. */
export function checkShardBytes(manifest: ModelManifest, shardBytes: readonly number[], file: string): void {
  const total = shardBytes.reduce((a, b) => a + b, 0);
  if (total !== manifest.expectedBytes) {
    const listed = manifest.paths.map((p, i) => `${p} ${shardBytes[i] ?? 0} B`).join(', ');
    throw new ModelFileError(
      file,
      `weights manifest needs ${manifest.expectedBytes} bytes for its shapes but the shards hold ${total} (${listed})`,
    );
  }
}

/**
 * Throws unless each model input has the rank the app builds: `expected`, or `older` (the ranks of an older
 * version of the model's inputs) for a model with that many inputs.
 */
export function checkInputRanks(
  inputShapes: readonly (readonly (number | null)[])[],
  expected: readonly number[] | undefined,
  file: string,
  older?: readonly number[],
): void {
  if (!expected) return;
  const ranks = older && older.length === inputShapes.length ? older : expected;
  if (inputShapes.length !== ranks.length)
    throw new ModelFileError(
      file,
      `model has ${inputShapes.length} inputs, the app feeds ${older ? `${expected.length} or ${older.length}` : expected.length}`,
    );
  inputShapes.forEach((shape, i) => {
    if (shape.length !== ranks[i])
      throw new ModelFileError(
        file,
        `input ${i} has rank ${shape.length} [${shape.map((d) => d ?? 'batch').join(', ')}], the app feeds rank ${ranks[i]}`,
      );
  });
}
