import type { AssetModelApi } from '../../../core/api/domains/asset-model';
import type { TwinApi } from '../../../core/api/twin-api';
import type { LoadAssetResult } from '../../../core/api/types';
import { bytesToBase64, sendInChunks } from '../api/chunked-send';

export type AssetUploadApi = Pick<TwinApi, 'loadAsset'> &
  Pick<AssetModelApi, 'modelUploadBegin' | 'modelUploadChunk' | 'modelUploadAbort'>;

export interface AssetFiles {
  fileName: string;
  /** The asset JSON. */
  text: string;
  /** The GLB its `model` names, when it names one. */
  model?: { fileName: string; bytes: Uint8Array };
}

/**
 * Loads an asset on the backend. Its GLB goes first, in chunks the backend sizes (one WebSocket message
 * carries at most 8 MiB), reporting bytes sent; loadAsset then names the finished upload.
 */
export function uploadAsset(
  api: AssetUploadApi,
  files: AssetFiles,
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<LoadAssetResult> {
  const { fileName, text, model } = files;
  if (!model) return api.loadAsset({ fileName, text });
  return sendInChunks(
    {
      begin: async (size) => {
        const { uploadId, chunkBytes } = await api.modelUploadBegin({ fileName: model.fileName, size });
        return { id: uploadId, chunkSize: chunkBytes };
      },
      sendChunk: async (uploadId, index, piece) =>
        (await api.modelUploadChunk({ uploadId, index, base64: bytesToBase64(piece) })).received,
      finish: (modelUploadId) => api.loadAsset({ fileName, text, modelUploadId }),
      abort: (uploadId) => api.modelUploadAbort({ uploadId }),
    },
    model.bytes,
    onProgress,
  );
}
