/**
 * What every model package shares, in the manner of tfjs-models: read and check the model card, load the
 * weights into the inference worker, check the model's shapes against what the app builds, and warm it up
 * with one prediction on zeros so the first real one does not pay for shader compilation.
 */
import type { InferenceClient, ModelShapes, TensorData } from '../inference/inference-api';

/** What a model package needs of the inference client. */
export type ModelHost = Pick<InferenceClient, 'loadModel' | 'predict' | 'unloadModel'>;

/** A model held in the inference worker under `modelId`. */
export interface ModelPackage {
  modelId: string;
  shapes: ModelShapes;
  /** One batched prediction on this model. */
  predict(inputs: TensorData[]): Promise<TensorData[]>;
  /** Frees the model in the worker. */
  dispose(): Promise<void>;
}

/** Shapes, batch dimension first (null: any size). */
export interface ExpectedShapes {
  inputs: (number | null)[][];
  outputs: (number | null)[][];
  /** The inputs of an older version of the model, still accepted (versions saved before an input was added). */
  olderInputs?: (number | null)[][];
}

/** A model card that is not there; `status` is the HTTP status (404: the model is not installed). */
export class ModelCardMissingError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${url}: missing (HTTP ${status})`);
  }
}

/** Reads a model card and checks it with `parse`, which throws naming the file and the problem. */
export async function fetchModelCard<Card>(
  cardUrl: string,
  parse: (json: unknown, cardUrl: string) => Card,
): Promise<Card> {
  const res = await fetch(cardUrl);
  if (!res.ok) throw new ModelCardMissingError(cardUrl, res.status);
  return parse(await res.json(), cardUrl);
}

const describeShape = (shape: readonly (number | null)[]): string =>
  `[${shape.map((d) => d ?? 'batch').join(', ')}]`;

function listMismatch(
  kind: 'input' | 'output',
  actual: readonly (number | null)[][],
  expected: readonly (number | null)[][],
): string | null {
  if (actual.length !== expected.length)
    return `it has ${actual.length} ${kind}s, the app uses ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i]!;
    const got = actual[i]!;
    const differs = got.length !== want.length || want.some((d, k) => d !== null && got[k] !== d);
    if (differs) return `${kind} ${i} is ${describeShape(got)}, the app uses ${describeShape(want)}`;
  }
  return null;
}

/** How a model's shapes differ from what the app builds and reads, or null when they agree. */
export function shapeMismatch(actual: ModelShapes, expected: ExpectedShapes): string | null {
  const { olderInputs } = expected;
  const inputs =
    olderInputs && olderInputs.length === actual.inputShapes.length ? olderInputs : expected.inputs;
  return (
    listMismatch('input', actual.inputShapes, inputs) ??
    listMismatch('output', actual.outputShapes, expected.outputs)
  );
}

/** Zeros of every input with a batch of one, for the warm-up prediction. */
export function warmUpInputs(inputShapes: readonly (number | null)[][]): TensorData[] {
  return inputShapes.map((s) => {
    const shape = s.map((d, k) => (k === 0 ? 1 : (d ?? 1)));
    return { data: new Float32Array(shape.reduce((a, b) => a * b, 1)), shape };
  });
}

export interface PackageSpec {
  modelId: string;
  modelUrl: string;
  /** Names the model in errors, e.g. "pump-skid health model". */
  name: string;
  expected: ExpectedShapes;
  /** What to do about a shape mismatch, e.g. "retrain the model (npm run train)". */
  fix: string;
}

/**
 * Loads `spec.modelUrl` under `spec.modelId`, checks its shapes and warms it up. Rejects naming the model
 * and the mismatch when the shapes differ from what the app builds.
 */
export async function loadModelPackage(host: ModelHost, spec: PackageSpec): Promise<ModelPackage> {
  const { modelId, modelUrl, expected } = spec;
  const rank = (inputs: (number | null)[][]) => inputs.map((s) => s.length);
  const shapes = await host.loadModel(
    modelId,
    modelUrl,
    expected.olderInputs
      ? { inputRanks: rank(expected.inputs), olderInputRanks: rank(expected.olderInputs) }
      : { inputRanks: rank(expected.inputs) },
  );
  const mismatch = shapeMismatch(shapes, expected);
  if (mismatch)
    throw new Error(`${modelUrl}: the ${spec.name} does not fit the app: ${mismatch}; ${spec.fix}`);
  await host.predict(modelId, warmUpInputs(shapes.inputShapes));
  return {
    modelId,
    shapes,
    predict: (inputs) => host.predict(modelId, inputs),
    dispose: () => host.unloadModel(modelId),
  };
}
