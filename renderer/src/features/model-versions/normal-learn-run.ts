/**
 * "Learn normal" for the shown asset: read the chosen period from history, run the pre-training checks
 * (refusals stop here, warnings are shown), fit the model in the inference worker with progress and Cancel,
 * then — only when the user deploys — store the card through the backend and load it. Cancelled or failed
 * training stores nothing, and the deployed model keeps running.
 */
import { i18n } from '../../i18n/i18n';
import type { TwinApi } from '../../../../core/api/twin-api';
import type { AssetDefinition } from '../../../../core/asset/schema';
import { preflightNormalTraining } from '../../../../core/ml/normal/preflight';
import type { InferenceClient } from '../../inference/inference-api';
import { reloadNormalModel } from '../../predictions/normal-model-loop';
import { playbackStore } from '../../state/playback-store';
import { normalLearnStore } from './normal-learn-store';
import { readKnownFaults } from './normal-period-faults';
import { readNormalPeriod, type NormalPeriod } from './normal-period';
import { historyOf } from './normal-trained-on';

type RegistryApi = Pick<TwinApi, 'listNormalModels' | 'saveNormalModel' | 'deployNormalModel'>;

/** Share of the progress bar spent reading history; the worker's fit fills the rest. */
const READ_SHARE = 0.3;
const STEP_MS = 1000;

export async function refreshNormalRegistry(api: RegistryApi): Promise<void> {
  try {
    normalLearnStore.setState({ registry: await api.listNormalModels({}), registryError: null });
  } catch (e) {
    normalLearnStore.setState({ registryError: (e as Error).message });
  }
}

/** The period the user chose, from the stored span (or the timeline's view); null with a reason. */
export function chosenPeriod(): NormalPeriod | string {
  const { choice, minutes } = normalLearnStore.getState();
  const { range, view } = playbackStore.getState();
  if (!range) return i18n.t('models:normal.noHistory');
  const align = (t: number) => Math.ceil(t / STEP_MS) * STEP_MS;
  if (choice === 'timeline-view') {
    if (!view) return i18n.t('models:normal.noTimelineSpan');
    const from = align(Math.max(view.from, range.from));
    return { from, to: Math.min(view.to, range.to), stepMs: STEP_MS };
  }
  const from = align(range.from);
  const rows = Math.max(1, Math.round((minutes * 60_000) / STEP_MS));
  return { from, to: Math.min(range.to, from + (rows - 1) * STEP_MS), stepMs: STEP_MS };
}

export async function learnNormal(
  api: Pick<TwinApi, 'historyGrid' | 'historyEvents'>,
  client: InferenceClient,
  asset: AssetDefinition,
): Promise<void> {
  const period = chosenPeriod();
  const jobId = `normal-${Date.now()}`;
  const base = { jobId, refusals: [], warnings: [], message: null, result: null };
  if (typeof period === 'string') {
    normalLearnStore.setState({
      ...base,
      status: 'refused',
      message: i18n.t('models:normal.notTrained', { reason: period }),
    });
    return;
  }
  normalLearnStore.setState({
    ...base,
    status: 'running',
    progress: { step: 'reading history', fraction: 0 },
  });
  const stopped = () =>
    normalLearnStore.getState().jobId !== jobId || normalLearnStore.getState().status === 'cancelling';
  const { falseAlarmsPerDay } = normalLearnStore.getState();
  const options = { sampleRateHz: 1000 / period.stepMs, falseAlarmsPerDay };
  try {
    const frame = await readNormalPeriod(
      api,
      asset.tags,
      period,
      (f) => normalLearnStore.setState({ progress: { step: 'reading history', fraction: READ_SHARE * f } }),
      stopped,
    );
    if (!frame || stopped()) {
      normalLearnStore.setState({
        status: 'cancelled',
        progress: null,
        message: i18n.t('models:normal.cancelled'),
      });
      return;
    }
    const knownFaults = await readKnownFaults(api, asset, period);
    if (stopped()) {
      normalLearnStore.setState({
        status: 'cancelled',
        progress: null,
        message: i18n.t('models:normal.cancelled'),
      });
      return;
    }
    const { refusals, warnings } = preflightNormalTraining({ frame, tags: asset.tags, options, knownFaults });
    normalLearnStore.setState({ refusals, warnings });
    if (refusals.length > 0) {
      normalLearnStore.setState({
        status: 'refused',
        progress: null,
        message: i18n.t('models:normal.failsChecks'),
      });
      return;
    }
    const outcome = await client.trainNormal(
      {
        jobId,
        frame,
        tags: asset.tags,
        options,
        meta: {
          asset: asset.id,
          trainedOn: `${asset.name}: history ${new Date(period.from).toISOString()} – ${new Date(period.to).toISOString()}, ${frame.t.length} rows`,
          createdAt: new Date().toISOString(),
          data: { source: historyOf(asset.id), fromMs: period.from, toMs: period.to },
        },
      },
      (p) =>
        normalLearnStore.setState({
          progress: { step: p.step, fraction: READ_SHARE + (1 - READ_SHARE) * p.fraction },
        }),
    );
    if (outcome.cancelled || !outcome.card || stopped()) {
      normalLearnStore.setState({
        status: 'cancelled',
        progress: null,
        message: i18n.t('models:normal.cancelled'),
      });
      return;
    }
    normalLearnStore.setState({
      status: 'done',
      progress: null,
      result: {
        card: outcome.card,
        seconds: outcome.elapsedMs / 1000,
        from: period.from,
        to: period.to,
      },
    });
  } catch (e) {
    normalLearnStore.setState({
      status: 'failed',
      progress: null,
      message: i18n.t('models:normal.failed', { reason: (e as Error).message }),
    });
  }
}

export async function cancelLearnNormal(client: InferenceClient): Promise<void> {
  const { jobId, status } = normalLearnStore.getState();
  if (!jobId || status !== 'running') return;
  normalLearnStore.setState({ status: 'cancelling' });
  await client.cancelFineTune(jobId);
}

/** Stores the trained card as a new version and deploys it; the live loop then loads it. */
export async function deployLearnt(api: RegistryApi): Promise<void> {
  const { result } = normalLearnStore.getState();
  if (!result) return;
  const registry = await api.saveNormalModel({ card: result.card, deploy: true });
  normalLearnStore.setState({ registry, status: 'deployed', message: null });
  reloadNormalModel();
}

/** Deploys a stored version (or none) and has the live loop load it. */
export async function deployNormalVersion(api: RegistryApi, id: string | null): Promise<void> {
  normalLearnStore.setState({ registry: await api.deployNormalModel({ id }) });
  reloadNormalModel();
}
