import type { assetModelRequestSchemas } from '../../../core/api/domains/asset-model';
import type { AssetModelBytes } from '../asset-model';
import type { BackendContext } from '../backend-context';
import type { ModelUploads } from '../model-uploads';
import type { TwinHandlers } from '../twin-handlers';

export type AssetModelHandlers = Pick<TwinHandlers, keyof typeof assetModelRequestSchemas>;

/**
 * Serves the running asset's GLB, which the backend read from disk or received with loadAsset, and receives
 * GLBs in chunks for loadAsset (checkGlb runs when loadAsset takes the whole file).
 */
export function createAssetModelHandlers(
  ctx: BackendContext,
  currentModel: () => AssetModelBytes | null,
  uploads: ModelUploads,
): AssetModelHandlers {
  return {
    getAssetModel: () => {
      const asset = ctx.asset();
      const model = currentModel();
      if (!model) throw new Error(`asset "${asset.id}" has no GLB model (its model is "${asset.model}")`);
      return { fileName: model.fileName, base64: model.bytes.toString('base64') };
    },
    modelUploadBegin: (req) => ({
      uploadId: uploads.begin({ fileName: req.fileName, size: req.size }, null),
      chunkBytes: uploads.limits.chunkSize,
    }),
    modelUploadChunk: (req) => ({
      received: uploads.chunk(req.uploadId, req.index, Buffer.from(req.base64, 'base64')),
    }),
    modelUploadAbort: (req) => uploads.abort(req.uploadId),
  };
}
