import { z } from 'zod';
import { auditRequestSchemas } from './domains/audit';
import { assetsRequestSchemas } from './domains/assets';
import { connectionsRequestSchemas } from './domains/connections';
import { fleetRequestSchemas } from './domains/fleet';
import { historyRequestSchemas } from './domains/history';
import { historyRunsRequestSchemas } from './domains/history-runs';
import { normalModelsRequestSchemas } from './domains/normal-models';
import {
  MAX_MODEL_BASE64,
  MAX_MODEL_BYTES,
  assetModelRequestSchemas,
  modelUploadId,
} from './domains/asset-model';
import { trainerRequestSchemas } from './domains/trainer';
import { whatifRequestSchemas } from './domains/whatif';

export const controlIdSchema = z.string().min(1).max(64);

export const setControlRequest = z
  .object({ controlId: controlIdSchema, value: z.number().finite() })
  .strict();

export const simCommandRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run') }).strict(),
  z.object({ kind: z.literal('pause') }).strict(),
  z.object({ kind: z.literal('reset'), seed: z.number().int().nonnegative().optional() }).strict(),
  /** Simulated seconds per wall second, 1 to 1000. */
  z.object({ kind: z.literal('speed'), speed: z.number().min(1).max(1000) }).strict(),
]);

export const injectFaultRequest = z
  .object({
    faultId: z.string().min(1).max(64),
    /** 0..1: how far the fault has progressed at onset. */
    severity: z.number().min(0).max(1),
    /** Growth of severity per simulated hour (0 = constant). */
    growthPerHour: z.number().min(0).max(100).default(0),
    /** Tag the fault acts on, for sensor faults. */
    targetTag: z.string().min(1).max(64).optional(),
  })
  .strict();

export const clearFaultRequest = z.object({ instanceId: z.string().min(1).max(64) }).strict();

export const alarmCommandRequest = z
  .object({
    alarmId: z.string().min(1).max(128),
    action: z.enum(['ack', 'shelve', 'unshelve']),
    /** Shelve duration in minutes of wall time. */
    minutes: z
      .number()
      .min(1)
      .max(24 * 60)
      .optional(),
  })
  .strict();

export const loadAssetRequest = z
  .object({
    fileName: z.string().min(1).max(512),
    /** Contents of the asset JSON file. */
    text: z.string().max(5_000_000),
    /** Bytes of the GLB file the asset's `model` names, base64-encoded; needed only for GLB models. */
    modelBase64: z
      .string()
      .max(MAX_MODEL_BASE64, `GLB model is larger than ${MAX_MODEL_BYTES / 1e6} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .optional(),
    /** A finished modelUploadBegin/Chunk upload holding the GLB, instead of `modelBase64` (web mode). */
    modelUploadId: modelUploadId.optional(),
  })
  .strict()
  .refine((r) => r.modelBase64 === undefined || r.modelUploadId === undefined, {
    message: 'send the GLB either as modelBase64 or as modelUploadId, not both',
    path: ['modelUploadId'],
  });

export const emptyRequest = z.object({}).strict();

/** Every request the TwinApi accepts, by method name; each is validated on arrival. */
export const requestSchemas = {
  getSession: emptyRequest,
  setControl: setControlRequest,
  simCommand: simCommandRequest,
  injectFault: injectFaultRequest,
  clearFault: clearFaultRequest,
  alarmCommand: alarmCommandRequest,
  loadAsset: loadAssetRequest,
  ...historyRequestSchemas,
  ...historyRunsRequestSchemas,
  ...whatifRequestSchemas,
  ...trainerRequestSchemas,
  ...fleetRequestSchemas,
  ...assetModelRequestSchemas,
  ...auditRequestSchemas,
  ...connectionsRequestSchemas,
  ...assetsRequestSchemas,
  ...normalModelsRequestSchemas,
} as const;

/** Every method name, in a stable order (used by the IPC preload and the WebSocket client). */
export const TWIN_METHOD_NAMES = Object.keys(requestSchemas) as TwinMethod[];

export type TwinMethod = keyof typeof requestSchemas;

export const invokeEnvelope = z
  .object({
    method: z.enum(Object.keys(requestSchemas) as [TwinMethod, ...TwinMethod[]]),
    payload: z.unknown(),
  })
  .strict();

export type SetControlRequest = z.input<typeof setControlRequest>;
export type SimCommandRequest = z.input<typeof simCommandRequest>;
export type InjectFaultRequest = z.input<typeof injectFaultRequest>;
export type ClearFaultRequest = z.input<typeof clearFaultRequest>;
export type AlarmCommandRequest = z.input<typeof alarmCommandRequest>;
export type LoadAssetRequest = z.input<typeof loadAssetRequest>;
