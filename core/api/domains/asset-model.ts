// 3D-model part of the TwinApi: the current asset's GLB file, for assets whose model is not procedural.
// Each method listed in assetModelRequestSchemas must appear in AssetModelApi with the same name.
import { z } from 'zod';

/** Largest GLB accepted from disk or from the renderer, in bytes. */
export const MAX_MODEL_BYTES = 32_000_000;

/** Largest GLB the browser may upload: one WebSocket message holds 8 MiB, and base64 adds a third. */
export const MAX_WEB_UPLOAD_MODEL_BYTES = 6_000_000;

/** Base64 length of MAX_MODEL_BYTES. */
export const MAX_MODEL_BASE64 = Math.ceil(MAX_MODEL_BYTES / 3) * 4;

/** Request schemas of the 3D-model methods, validated on arrival by the backend. */
export const assetModelRequestSchemas = {
  getAssetModel: z.object({}).strict(),
} as const;

/** The running asset's GLB file. */
export interface AssetModelFile {
  /** File name as given by the asset's `model` field, e.g. "pump-skid.glb". */
  fileName: string;
  /** The file's bytes, base64-encoded. */
  base64: string;
}

/** 3D-model methods of the TwinApi. */
export interface AssetModelApi {
  /** The GLB named by the running asset's `model`; fails when the model is procedural. */
  getAssetModel(req: Record<string, never>): Promise<AssetModelFile>;
}

/** Events the backend pushes for this domain: none. */
export type AssetModelEvent = never;
