// 3D-model part of the TwinApi: the current asset's GLB file, for assets whose model is not procedural, and
// GLB uploads in chunks for loadAsset. Each method listed in assetModelRequestSchemas must appear in
// AssetModelApi with the same name.
import { z } from 'zod';
import { uploadChunkIndex, uploadFileName, uploadSize } from '../../upload/upload-schemas';
import type { UploadLimits } from '../../upload/chunked-uploads';

/** Largest GLB accepted from disk or from the renderer (sent in chunks), in bytes. */
export const MAX_MODEL_BYTES = 32_000_000;

/** Base64 length of MAX_MODEL_BYTES. */
export const MAX_MODEL_BASE64 = Math.ceil(MAX_MODEL_BYTES / 3) * 4;

/** GLB bytes per chunk: 4 MB as base64, well under the WebSocket's 8 MiB per message. */
export const MODEL_CHUNK_BYTES = 3_000_000;

/** GLB uploads (begin → chunks → loadAsset naming the upload id); their timeout can be shortened for tests. */
export const MODEL_UPLOAD_LIMITS: UploadLimits = {
  what: 'GLB upload',
  idPrefix: 'glb',
  unit: 'bytes',
  retry: 'open the asset again',
  maxTotal: MAX_MODEL_BYTES,
  chunkSize: MODEL_CHUNK_BYTES,
  maxOpen: 2,
  idleMs: 120_000,
};

export const modelUploadId = z.string().min(1).max(64);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** Request schemas of the 3D-model methods, validated on arrival by the backend. */
export const assetModelRequestSchemas = {
  getAssetModel: z.object({}).strict(),
  /** Opens a GLB upload; loadAsset's `modelUploadId` ends it. */
  modelUploadBegin: z
    .object({
      fileName: uploadFileName,
      /** Bytes of the whole GLB. */
      size: uploadSize(MAX_MODEL_BYTES, `GLB model is larger than ${MAX_MODEL_BYTES / 1e6} MB`),
    })
    .strict(),
  modelUploadChunk: z
    .object({
      uploadId: modelUploadId,
      index: uploadChunkIndex,
      /** At most MODEL_CHUNK_BYTES bytes, base64-encoded. */
      base64: base64.max(
        Math.ceil(MODEL_CHUNK_BYTES / 3) * 4,
        `chunk is larger than ${MODEL_CHUNK_BYTES} bytes`,
      ),
    })
    .strict(),
  modelUploadAbort: z.object({ uploadId: modelUploadId }).strict(),
} as const;

/** The running asset's GLB file. */
export interface AssetModelFile {
  /** File name as given by the asset's `model` field, e.g. "pump-skid.glb". */
  fileName: string;
  /** The file's bytes, base64-encoded. */
  base64: string;
}

type Request<K extends keyof typeof assetModelRequestSchemas> = z.input<(typeof assetModelRequestSchemas)[K]>;

/** 3D-model methods of the TwinApi. */
export interface AssetModelApi {
  /** The GLB named by the running asset's `model`; fails when the model is procedural. */
  getAssetModel(req: Record<string, never>): Promise<AssetModelFile>;
  /** Opens a GLB upload; resolves with its id and the bytes each chunk may carry. */
  modelUploadBegin(req: Request<'modelUploadBegin'>): Promise<{ uploadId: string; chunkBytes: number }>;
  /** Resolves with the bytes received so far. */
  modelUploadChunk(req: Request<'modelUploadChunk'>): Promise<{ received: number }>;
  modelUploadAbort(req: Request<'modelUploadAbort'>): Promise<void>;
}

/** Events the backend pushes for this domain: none. */
export type AssetModelEvent = never;
