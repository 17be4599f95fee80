import type { assetModelRequestSchemas } from '../../../core/api/domains/asset-model';
import type { AssetModelBytes } from '../asset-model';
import type { BackendContext } from '../backend-context';
import type { TwinHandlers } from '../twin-handlers';

export type AssetModelHandlers = Pick<TwinHandlers, keyof typeof assetModelRequestSchemas>;

/** Serves the running asset's GLB, which the backend read from disk or received with loadAsset. */
export function createAssetModelHandlers(
  ctx: BackendContext,
  currentModel: () => AssetModelBytes | null,
): AssetModelHandlers {
  return {
    getAssetModel: () => {
      const asset = ctx.asset();
      const model = currentModel();
      if (!model) throw new Error(`asset "${asset.id}" has no GLB model (its model is "${asset.model}")`);
      return { fileName: model.fileName, base64: model.bytes.toString('base64') };
    },
  };
}
