import type { normalModelsRequestSchemas } from '../../../core/api/domains/normal-models';
import type { Said } from '../../../core/text/phrase';
import type { BackendContext } from '../backend-context';
import { NormalRegistryStore } from '../normal-models/normal-registry-store';
import type { TwinHandlers } from '../twin-handlers';

export interface PredictiveAlarmHooks {
  /** Told after a version is deployed or undeployed, so the backend's predictive alarm follows it. */
  onDeployed(): void;
  /** Why the backend does not score the deployed version (a card that does not fit), or null. */
  problem(): Said | null;
}

export type NormalModelsHandlers = Pick<TwinHandlers, keyof typeof normalModelsRequestSchemas>;

/** The shown asset's normal-behaviour model versions, in <dataDir>/models/<asset id>/normal/. */
export function createNormalModelsHandlers(
  ctx: BackendContext,
  predictive: PredictiveAlarmHooks = { onDeployed: () => undefined, problem: () => null },
): NormalModelsHandlers {
  const store = new NormalRegistryStore(ctx.dataDir);
  /** The versions, with why the backend does not raise the deployed one's predictive alarm, if so. */
  const list = (assetId: string) => {
    const registry = store.list(assetId);
    const problem = predictive.problem();
    if (!problem) return registry;
    return {
      ...registry,
      problems: [...registry.problems, problem.message],
      problemPhrases: [...registry.problems.map(() => null), problem.phrase],
    };
  };
  const onDeployed = () => predictive.onDeployed();
  return {
    listNormalModels: () => list(ctx.asset().id),
    saveNormalModel: ({ card, deploy }) => {
      const assetId = ctx.asset().id;
      const id = store.save(assetId, card);
      if (deploy) {
        store.deploy(assetId, id);
        onDeployed();
      }
      return list(assetId);
    },
    deployNormalModel: ({ id }) => {
      const assetId = ctx.asset().id;
      store.deploy(assetId, id);
      onDeployed();
      return list(assetId);
    },
  };
}
