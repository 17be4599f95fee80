/**
 * Model save/load without tfjs-node: converts tf.io.ModelArtifacts to and from the standard
 * `model.json` + `weights.bin` pair (the layout `tf.loadLayersModel` reads over HTTP), and wraps
 * that as IOHandlers around caller-supplied byte sinks/sources (node:fs in scripts, fetch in the
 * renderer). Pure: no node or DOM imports.
 */
import * as tf from '@tensorflow/tfjs';
// Registers the custom layers, so a model that uses them can be deserialized.
import '../layers';

export const WEIGHTS_FILE = 'weights.bin';

export interface ModelFiles {
  /** Contents of model.json. */
  modelJson: string;
  /** Contents of weights.bin. */
  weightsBin: Uint8Array;
}

export function artifactsToFiles(artifacts: tf.io.ModelArtifacts, weightsFile = WEIGHTS_FILE): ModelFiles {
  if (artifacts.modelTopology instanceof ArrayBuffer)
    throw new Error('binary model topology is not supported');
  const weightData = artifacts.weightData
    ? tf.io.CompositeArrayBuffer.join(artifacts.weightData)
    : new ArrayBuffer(0);
  const json: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [`./${weightsFile}`], weights: artifacts.weightSpecs ?? [] }],
  };
  return { modelJson: JSON.stringify(json), weightsBin: new Uint8Array(weightData) };
}

export function filesToArtifacts(files: ModelFiles): tf.io.ModelArtifacts {
  const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const bin = files.weightsBin;
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: json.modelTopology,
    weightSpecs: specs,
    weightData,
    format: json.format ?? 'layers-model',
  };
  if (json.generatedBy !== undefined) artifacts.generatedBy = json.generatedBy;
  if (json.convertedBy !== undefined && json.convertedBy !== null) artifacts.convertedBy = json.convertedBy;
  return artifacts;
}

/** An IOHandler for `model.save(handler)` that hands the two files to `write`. */
export function saveToFiles(write: (files: ModelFiles) => Promise<void> | void): tf.io.IOHandler {
  return {
    save: async (artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> => {
      const files = artifactsToFiles(artifacts);
      await write(files);
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          modelTopologyBytes: files.modelJson.length,
          weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
          weightDataBytes: files.weightsBin.byteLength,
        },
      };
    },
  };
}

/** An IOHandler for `tf.loadLayersModel(handler)` that reads the two files with `read`. */
export function loadFromFiles(read: () => Promise<ModelFiles> | ModelFiles): tf.io.IOHandler {
  return { load: async () => filesToArtifacts(await read()) };
}

export async function modelToFiles(model: tf.LayersModel): Promise<ModelFiles> {
  let out: ModelFiles | null = null;
  await model.save(
    saveToFiles((f) => {
      out = f;
    }),
  );
  if (!out) throw new Error('model.save did not produce files');
  return out;
}

export function modelFromFiles(files: ModelFiles): Promise<tf.LayersModel> {
  return tf.loadLayersModel(loadFromFiles(() => files));
}
