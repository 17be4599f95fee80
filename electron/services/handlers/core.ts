import type { TwinEvent } from '../../../core/api/types';
import { parseAssetJson } from '../../../core/asset/parse';
import { scenarioHold } from '../../../core/scenario/sim-hold';
import { modelFromRequest } from '../asset-model';
import type { ModelUploads } from '../model-uploads';
import type { RunningAsset } from '../running-asset';
import type { CoreMethod, TwinHandlers, ValidRequests } from '../twin-handlers';

export type CoreHandlers = Pick<TwinHandlers, CoreMethod>;

/** Handlers of the session, simulator, fault, alarm and asset-loading methods. */
export function createCoreHandlers(
  running: RunningAsset,
  emit: (event: TwinEvent) => void,
  modelUploads: ModelUploads,
  /** Where relative paths of an asset sent as text (certificates) are looked for. */
  dataDir: string,
): CoreHandlers {
  /** The GLB sent with loadAsset: a finished chunked upload, the base64 in the request, or none. */
  const suppliedModel = (req: ValidRequests['loadAsset']): Buffer | undefined => {
    if (req.modelUploadId !== undefined) return modelUploads.commit(req.modelUploadId).data;
    return req.modelBase64 === undefined ? undefined : Buffer.from(req.modelBase64, 'base64');
  };
  return {
    getSession: () => running.session(),
    setControl: (req) => {
      running.requireLive().setControl(req.controlId, req.value);
      return running.status();
    },
    simCommand: (req) => {
      const sim = running.requireLive();
      const hold = req.kind === 'run' || req.kind === 'reset' ? scenarioHold(sim.status()) : null;
      if (hold) throw new Error(hold);
      if (req.kind === 'run') sim.running = true;
      else if (req.kind === 'pause') sim.running = false;
      else if (req.kind === 'speed') sim.speed = req.speed;
      else sim.reset(req.seed);
      const status = running.status();
      emit({ type: 'sim', status });
      return status;
    },
    injectFault: (req) => {
      const { targetTag, ...spec } = req;
      running.requireLive().injectFault(targetTag === undefined ? spec : { ...spec, targetTag });
      return running.status();
    },
    clearFault: (req) => {
      running.requireLive().clearFault(req.instanceId);
      return running.status();
    },
    alarmCommand: (req) => {
      const snapshot = running.alarmCommand(req.alarmId, req.action, req.minutes);
      emit({ type: 'alarms', snapshot });
      return snapshot;
    },
    loadAsset: async (req) => {
      const supplied = suppliedModel(req);
      const parsed = parseAssetJson(req.text, req.fileName);
      if (!parsed.ok) return { ok: false, fileName: req.fileName, problems: parsed.problems };
      const model = modelFromRequest(parsed.asset, supplied);
      if (!model.ok) return { ok: false, fileName: req.fileName, problems: model.problems };
      await running.replace(parsed.asset, model.model, req.fileName, dataDir);
      const session = running.session();
      emit({ type: 'session', session });
      return { ok: true, session };
    },
  };
}
