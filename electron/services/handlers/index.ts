import type { AuditStore } from '../audit/audit-store';
import type { BackendContext } from '../backend-context';
import { createModelUploads } from '../model-uploads';
import type { RunningAsset } from '../running-asset';
import type { TwinHandlers } from '../twin-handlers';
import { createAuditHandlers } from './audit';
import { BackgroundAssets, createAssetsHandlers } from './assets';
import { createConnectionsHandlers } from './connections';
import { createCoreHandlers } from './core';
import { createFleetHandlers } from './fleet';
import { createHistoryHandlers } from './history';
import { createNormalModelsHandlers } from './normal-models';
import { createAssetModelHandlers } from './asset-model';
import { createTrainerHandlers } from './trainer';
import { createWhatIfHandlers } from './whatif';

/** Every TwinApi method's handler; the compiler checks that the domains together leave none out. */
export function createTwinHandlers(
  context: BackendContext,
  running: RunningAsset,
  audit: AuditStore,
  options: { uploadIdleMs?: number | undefined; background?: BackgroundAssets | undefined } = {},
): TwinHandlers {
  const modelUploads = createModelUploads(context, options.uploadIdleMs);
  return {
    ...createCoreHandlers(running, context.emit, modelUploads, context.dataDir),
    ...createHistoryHandlers(context),
    ...createWhatIfHandlers(context),
    ...createTrainerHandlers(context),
    ...createFleetHandlers(context),
    ...createAssetModelHandlers(context, () => running.model, modelUploads),
    ...createAuditHandlers(audit),
    ...createNormalModelsHandlers(context, {
      onDeployed: () => running.reloadNormalModel(),
      problem: () => running.predictive.problem,
    }),
    ...createConnectionsHandlers(running, context.emit),
    ...createAssetsHandlers(
      running,
      options.background ?? new BackgroundAssets(running.liveSourceSetup),
      context.emit,
    ),
  };
}
