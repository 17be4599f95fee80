/**
 * "Retrain on recent history": read the last N hours, build windows and labels with core/ml, fine-tune a
 * copy of the running health model in the inference worker, score both on the held-out last 20 %, keep
 * the new version in the registry, and deploy it only when the rule (core/ml/retrain/deploy-rule) says it
 * is better.
 */
import { i18n } from '../../i18n/i18n';
import { getTwinClient } from '../../api/client';
import { deployDecision } from '../../../../core/ml/retrain/deploy-rule';
import type { FineTuneProgress } from '../../../../core/ml/retrain/fine-tune';
import {
  buildRecentDataset,
  RetrainDataError,
  type WindowSet,
} from '../../../../core/ml/retrain/recent-dataset';
import {
  addVersion,
  newVersionId,
  recordEvaluation,
  retrainedLabel,
  setActive,
} from '../../../../core/ml/retrain/registry-index';
import type { InferenceClient, TensorData } from '../../inference/inference-api';
import { loadHealthModel } from '../../models/health-model';
import { HEALTH_MODEL_ID, healthTensors } from '../../models/pump-health';
import { sessionStore } from '../../state/session-store';
import { fetchRecentRows } from './recent-history';
import { modelsStore, saveIndex, type RetrainProgress } from './models-store';

const CANDIDATE_ID = 'pump-skid/health#candidate';

function progressOf(p: FineTuneProgress): RetrainProgress {
  const total = p.epochs * p.batches;
  const done = (p.epoch - 1) * p.batches + p.batch;
  return {
    phase: 'training',
    epoch: p.epoch,
    epochs: p.epochs,
    batch: p.batch,
    batches: p.batches,
    loss: p.loss,
    elapsedMs: p.elapsedMs,
    etaS: done > 0 ? ((total - done) * p.elapsedMs) / done / 1000 : null,
    fraction: done / total,
  };
}

const phase = (name: RetrainProgress['phase']): RetrainProgress => ({
  phase: name,
  epoch: 0,
  epochs: 0,
  batch: 0,
  batches: 0,
  loss: null,
  elapsedMs: 0,
  etaS: null,
  fraction: name === 'reading history' ? 0 : 1,
});

/** Held-out windows as model inputs: the windows, then their long baselines where built (copies: they move to the worker). */
const inputsOf = (w: WindowSet): TensorData[] =>
  healthTensors(
    w.baseline.length > 0 ? 2 : 1,
    { past: w.past.slice(), baseline: w.baseline.slice() },
    w.count,
  );

export async function startRetrain(client: InferenceClient): Promise<void> {
  const { index, shipped, size, status } = modelsStore.getState();
  const asset = sessionStore.getState().session?.asset;
  if (status === 'running' || status === 'cancelling') return;
  if (!index || !shipped || !asset) {
    modelsStore.setState({
      status: 'failed',
      message: modelsStore.getState().problem ?? 'no health model loaded',
    });
    return;
  }
  const jobId = `retrain-${Date.now()}`;
  modelsStore.setState({
    status: 'running',
    jobId,
    progress: phase('reading history'),
    message: null,
    outcome: null,
  });
  const cancelled = () =>
    modelsStore.getState().jobId !== jobId || modelsStore.getState().status === 'cancelling';
  try {
    const controls =
      sessionStore.getState().sim?.controls ?? sessionStore.getState().session?.sim.controls ?? {};
    const rows = await fetchRecentRows(getTwinClient(), size.hours, controls);
    const ds = buildRecentDataset(rows, asset.tags, shipped.stats, size, shipped.baseline);
    if (cancelled()) throw new Cancelled();
    const baselineId = index.activeId;
    const result = await client.fineTune(
      {
        jobId,
        baseModelId: HEALTH_MODEL_ID,
        candidateId: CANDIDATE_ID,
        data: {
          count: ds.train.count,
          past: ds.train.past,
          baseline: ds.train.baseline.length > 0 ? ds.train.baseline : undefined,
          anomaly: ds.train.labels.anomaly,
          faultClass: ds.train.labels.faultClass,
          logRul: ds.train.labels.logRul,
        },
        options: { epochs: size.epochs, batchSize: size.batchSize, learningRate: 3e-4, seed: 7 },
      },
      (p) => {
        if (modelsStore.getState().jobId === jobId) modelsStore.setState({ progress: progressOf(p) });
      },
    );
    if (result.cancelled) throw new Cancelled();
    modelsStore.setState({ progress: phase('evaluating') });
    const truth = {
      count: ds.heldOut.count,
      faultClass: ds.heldOut.labels.faultClass,
      stretch: ds.heldOut.stretch,
      stride: ds.stride,
    };
    const rule = shipped.rule;
    const current = await client.evaluate(HEALTH_MODEL_ID, inputsOf(ds.heldOut), truth, rule);
    const candidate = await client.evaluate(CANDIDATE_ID, inputsOf(ds.heldOut), truth, rule);
    const decision = deployDecision(current, candidate);

    modelsStore.setState({ progress: phase('saving') });
    const now = new Date();
    const latest = modelsStore.getState().index ?? index;
    const id = newVersionId(latest, now);
    const storageUrl = `indexeddb://twinscape/${HEALTH_MODEL_ID}/${id}`;
    await client.saveModel(CANDIDATE_ID, storageUrl);
    await client.unloadModel(CANDIDATE_ID);
    const span = { from: ds.cutoff, to: ds.lastTime };
    let next = addVersion(latest, {
      id,
      label: retrainedLabel(now),
      kind: 'retrained',
      createdAt: now.toISOString(),
      storageUrl,
      parentId: baselineId,
      baseCard: shipped.cardId,
      training: {
        epochs: result.epochsRun,
        windows: result.windows,
        seconds: result.seconds,
        backend: result.backend,
        finalLoss: result.epochLoss[result.epochLoss.length - 1] ?? Number.NaN,
        historyFrom: ds.firstTime,
        historyTo: ds.cutoff,
      },
      evaluation: null,
      decision: {
        deployed: decision.deploy,
        reasons: decision.reasons.map((r) => r.message),
        phrases: decision.reasons.map((r) => r.phrase),
      },
    });
    next = recordEvaluation(next, baselineId, current, span, now);
    next = recordEvaluation(next, id, candidate, span, now);
    if (decision.deploy) {
      await loadHealthModel(client, new URL('.', shipped.modelUrl), storageUrl);
      next = setActive(next, id, shipped.cardId);
    }
    saveIndex(next);
    modelsStore.setState({
      status: 'done',
      progress: null,
      outcome: {
        candidateId: id,
        baselineId,
        deployed: decision.deploy,
        reasons: decision.reasons,
        current,
        candidate,
        heldOut: { ...span, windows: ds.heldOut.count },
        trainWindows: ds.train.count,
      },
    });
  } catch (e) {
    void client.unloadModel(CANDIDATE_ID).catch(() => undefined);
    if (e instanceof Cancelled || cancelled())
      modelsStore.setState({
        status: 'cancelled',
        progress: null,
        message: i18n.t('models:retrain.cancelled'),
      });
    else
      modelsStore.setState({
        status: 'failed',
        progress: null,
        message:
          e instanceof RetrainDataError
            ? i18n.t('models:retrain.notRetrained', { reason: e.message })
            : i18n.t('models:retrain.failed', { reason: (e as Error).message }),
      });
  }
}

class Cancelled extends Error {}

export async function cancelRetrain(client: InferenceClient): Promise<void> {
  const { jobId, status } = modelsStore.getState();
  if (!jobId || status !== 'running') return;
  modelsStore.setState({ status: 'cancelling' });
  await client.cancelFineTune(jobId);
}
