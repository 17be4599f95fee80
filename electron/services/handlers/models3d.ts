import type { AssetModelFile, Models3dApi } from '../../../core/api/domains/models3d';
import type { AssetModelBytes } from '../asset-model';
import type { BackendContext, PartialHandlers } from '../backend-context';

/** Serves the running asset's GLB, which the backend read from disk or received with loadAsset. */
export function createModels3dHandlers(
  ctx: BackendContext,
  currentModel: () => AssetModelBytes | null,
): PartialHandlers {
  const handlers: { [M in keyof Models3dApi]: (req: Parameters<Models3dApi[M]>[0]) => AssetModelFile } = {
    getAssetModel: () => {
      const asset = ctx.asset();
      const model = currentModel();
      if (!model) throw new Error(`asset "${asset.id}" has no GLB model (its model is "${asset.model}")`);
      return { fileName: model.fileName, base64: model.bytes.toString('base64') };
    },
  };
  return handlers;
}
