import type { normalModelsRequestSchemas } from '../../../core/api/domains/normal-models';
import type { BackendContext } from '../backend-context';
import { NormalRegistryStore } from '../normal-models/normal-registry-store';
import type { TwinHandlers } from '../twin-handlers';

export type NormalModelsHandlers = Pick<TwinHandlers, keyof typeof normalModelsRequestSchemas>;

/** The shown asset's normal-behaviour model versions, in <dataDir>/models/<asset id>/normal/. */
export function createNormalModelsHandlers(ctx: BackendContext): NormalModelsHandlers {
  const store = new NormalRegistryStore(ctx.dataDir);
  return {
    listNormalModels: () => store.list(ctx.asset().id),
    saveNormalModel: ({ card, deploy }) => {
      const assetId = ctx.asset().id;
      const id = store.save(assetId, card);
      if (deploy) store.deploy(assetId, id);
      return store.list(assetId);
    },
    deployNormalModel: ({ id }) => {
      const assetId = ctx.asset().id;
      store.deploy(assetId, id);
      return store.list(assetId);
    },
  };
}
