import type { models3dRequestSchemas } from '../../../core/api/domains/models3d';
import type { AssetModelBytes } from '../asset-model';
import type { BackendContext } from '../backend-context';
import type { TwinHandlers } from '../twin-handlers';

export type Models3dHandlers = Pick<TwinHandlers, keyof typeof models3dRequestSchemas>;

/** Serves the running asset's GLB, which the backend read from disk or received with loadAsset. */
export function createModels3dHandlers(
  ctx: BackendContext,
  currentModel: () => AssetModelBytes | null,
): Models3dHandlers {
  return {
    getAssetModel: () => {
      const asset = ctx.asset();
      const model = currentModel();
      if (!model) throw new Error(`asset "${asset.id}" has no GLB model (its model is "${asset.model}")`);
      return { fileName: model.fileName, base64: model.bytes.toString('base64') };
    },
  };
}
