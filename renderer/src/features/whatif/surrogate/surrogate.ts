/**
 * The surrogate in the app: loads the pump-skid forecaster into the page's inference worker (once per asset)
 * with its model card, and answers the current what-if into whatIfStore. Calls arriving while one runs are
 * coalesced: the latest plan runs next, so dragging a slider never queues stale work.
 */
import { i18n } from '../../../i18n/i18n';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import type { WhatIfPlanInput } from '../../../../../core/scenario/whatif-request';
import type { HistoryGrid } from '../../../../../core/api/domains/history';
import { getTwinClient } from '../../../api/client';
import { modelBaseUrl } from '../../../api/model-url';
import { REPLAY_GRID } from '../../../state/replay-window';
import { getInferenceClient } from '../../../inference/shared-client';
import { sessionStore } from '../../../state/session-store';
import { telemetryStore } from '../../../state/telemetry-store';
import { loadForecaster, type Forecaster } from '../../../models/forecaster';
import { forecasterPath } from '../../../predictions/forecaster-path';
import { surrogateRollout } from './surrogate-rollout';
import { whatIfStore } from '../whatif-store';

const loads = new Map<string, Promise<Forecaster>>();

const load = (folder: string): Promise<Forecaster> =>
  loadForecaster(getInferenceClient(), modelBaseUrl(), folder);

function loadFor(asset: AssetDefinition): Promise<Forecaster> | null {
  const folder = forecasterPath(asset);
  if (!folder) return null;
  let p = loads.get(folder);
  if (!p) {
    p = load(folder);
    // A failed load is retried on the next what-if (the files may have been added since).
    p.catch(() => loads.delete(folder));
    loads.set(folder, p);
  }
  return p;
}

/** The history grid before the latest fork, read once per fork (the past of a fork never changes). */
let pastOfFork: { forkId: string; grid: Promise<HistoryGrid> } | null = null;
function historyBefore(forkId: string, simTime: number): Promise<HistoryGrid> {
  if (pastOfFork?.forkId !== forkId)
    pastOfFork = { forkId, grid: getTwinClient().historyGrid({ to: simTime, ...REPLAY_GRID }) };
  return pastOfFork.grid;
}

let latestPlan: WhatIfPlanInput | null = null;
let inFlight = false;

/** Answers `plan` from the current fork with the surrogate (skipped, with a note, when it cannot). */
export async function runSurrogate(plan: WhatIfPlanInput): Promise<void> {
  latestPlan = plan;
  if (inFlight) return;
  inFlight = true;
  whatIfStore.setState({ surrogateRunning: true });
  try {
    while (latestPlan) {
      const next = latestPlan;
      latestPlan = null;
      await answer(next);
    }
  } finally {
    inFlight = false;
    whatIfStore.setState({ surrogateRunning: false });
  }
}

async function answer(plan: WhatIfPlanInput): Promise<void> {
  const { fork, horizonS } = whatIfStore.getState();
  const asset = sessionStore.getState().session?.asset ?? null;
  if (!fork || !asset) return;
  const loading = loadFor(asset);
  if (!loading) {
    whatIfStore.setState({
      surrogate: null,
      surrogateNote: () => i18n.t('whatif:surrogate.noForecaster', { asset: asset.id }),
    });
    return;
  }
  try {
    const { stats, mae, predict } = await loading;
    const a = await surrogateRollout({
      ring: telemetryStore.getState().ring,
      asset,
      fork,
      plan,
      horizonS,
      stats,
      predict,
      historyBefore: () => historyBefore(fork.forkId, fork.simTime),
    });
    // A fork taken meanwhile makes this answer stale.
    if (whatIfStore.getState().fork?.forkId !== fork.forkId) return;
    if ('skipped' in a)
      whatIfStore.setState({ surrogate: null, surrogateNote: a.skipped, surrogateCard: mae });
    else whatIfStore.setState({ surrogate: a.rollout, surrogateNote: null, surrogateCard: mae });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    whatIfStore.setState({
      surrogate: null,
      surrogateNote: () => i18n.t('whatif:surrogate.failed', { error }),
    });
  }
}
