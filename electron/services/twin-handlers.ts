import type { z } from 'zod';
import type { auditRequestSchemas } from '../../core/api/domains/audit';
import type { connectionsRequestSchemas } from '../../core/api/domains/connections';
import type { assetsRequestSchemas } from '../../core/api/domains/assets';
import type { fleetRequestSchemas } from '../../core/api/domains/fleet';
import type { historyRequestSchemas } from '../../core/api/domains/history';
import type { historyRunsRequestSchemas } from '../../core/api/domains/history-runs';
import type { normalModelsRequestSchemas } from '../../core/api/domains/normal-models';
import type { assetModelRequestSchemas } from '../../core/api/domains/asset-model';
import type { trainerRequestSchemas } from '../../core/api/domains/trainer';
import type { whatifRequestSchemas } from '../../core/api/domains/whatif';
import { requestSchemas, type TwinMethod } from '../../core/api/schemas';
import type { TwinApi } from '../../core/api/twin-api';

/** Each method's request once its schema has validated it (defaults filled in). */
export type ValidRequests = { [K in TwinMethod]: z.output<(typeof requestSchemas)[K]> };

/** What a method answers; a handler may answer at once or later. */
type Answer<K extends TwinMethod> = Awaited<ReturnType<TwinApi[K]>>;

/** One handler per TwinApi method, each receiving the request its schema let through. */
export type TwinHandlers = {
  [K in TwinMethod]: (req: ValidRequests[K]) => Answer<K> | Promise<Answer<K>>;
};

/**
 * The request schemas seen as one map from method to "schema of ValidRequests[K]", so that a generic
 * method K keeps the link between its schema's output and its handler's parameter.
 */
export const validatingSchemas: { [K in TwinMethod]: z.ZodType<ValidRequests[K], unknown> } = requestSchemas;

/** Methods of the domains that have their own request-schema module (history, what-if, trainer, fleet, 3D models). */
type DomainMethod =
  | keyof typeof historyRequestSchemas
  | keyof typeof historyRunsRequestSchemas
  | keyof typeof whatifRequestSchemas
  | keyof typeof trainerRequestSchemas
  | keyof typeof fleetRequestSchemas
  | keyof typeof assetModelRequestSchemas
  | keyof typeof auditRequestSchemas
  | keyof typeof connectionsRequestSchemas
  | keyof typeof assetsRequestSchemas
  | keyof typeof normalModelsRequestSchemas;

/** The session, simulator and asset methods served by the backend itself. */
export type CoreMethod = Exclude<TwinMethod, DomainMethod>;
