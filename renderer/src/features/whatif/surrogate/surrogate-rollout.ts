/**
 * The learned surrogate's answer to a what-if: one batched forecaster call from the telemetry before the fork,
 * row 0 with the plan's setpoints per minute and row 1 with the setpoints held ("do nothing"), so the 3D
 * delta compares two answers of the same model. The caller supplies `predict` (the app: the inference worker; tests:
 * tfjs directly), so both run exactly this code.
 */
import type { LocalText } from '../../../i18n/local-text';
import { i18n } from '../../../i18n/i18n';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import type { NormalizationStats } from '../../../../../core/data/normalization';
import { SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../../../../core/ml/pump/spec';
import type { WhatIfPlanInput } from '../../../../../core/scenario/whatif-request';
import type { TensorData } from '../../../inference/inference-api';
import type { TelemetryRing } from '../../../state/telemetry-ring';
import type { HistoryGrid } from '../../../../../core/api/domains/history';
import { resampleRing } from '../../../state/ring-window';
import { gridArrays } from '../../../state/replay-window';
import {
  decodeForecast,
  historyMinutesBefore,
  plannedControlsPerMinute,
  SURROGATE_MAX_STEPS,
  SURROGATE_MIN_HISTORY_MIN,
  setpointsHeld,
  surrogateFuture,
  surrogatePast,
} from '../../../predictions/surrogate-input';

const STEP_MS = SAMPLE_PERIOD_S * 1000;
import { outsideTraining, type OutsideTraining } from './surrogate-trust';

/** Identifies what a rollout answered, so a surrogate answer is only compared with physics for the same plan. */
export const planKey = (forkId: string, plan: WhatIfPlanInput, horizonS: number) =>
  JSON.stringify([forkId, horizonS, plan]);

export interface SurrogateRollout {
  /** planKey of the fork, plan and horizon answered. */
  key: string;
  forkId: string;
  forkTime: number;
  /** Time of each step, ms since epoch: the fork + 1, 2, … minutes. */
  t: number[];
  /** values[assetTag][step], engineering units; null for tags the forecaster does not predict. */
  values: (number | null)[][];
  /** The same for "do nothing" (setpoints held as forked). */
  baseline: (number | null)[][];
  /** Inputs beyond the training data (extrapolation), most extreme first; empty when all lie within. */
  outsideTraining: OutsideTraining[];
  /** Minutes answered (≤ the forecaster's horizon) and minutes asked for. */
  minutes: number;
  requestedMinutes: number;
  /** Wall ms from reading the past to decoded values, the predict call included. */
  computeMs: number;
  /** Where the 48 minutes before the fork came from. */
  pastSource: 'live buffer' | 'history store';
}

export type SurrogateAnswer = { rollout: SurrogateRollout } | { skipped: LocalText };

export interface SurrogateRequest {
  ring: TelemetryRing;
  asset: AssetDefinition;
  fork: { forkId: string; simTime: number; controls: Readonly<Record<string, number>> };
  plan: WhatIfPlanInput;
  horizonS: number;
  stats: NormalizationStats;
  predict: (inputs: TensorData[]) => Promise<TensorData[]>;
  /**
   * The history store's 1-minute grid ending at the fork, for a fork further back than the live buffer
   * reaches (a fork from the playhead, or a fast simulation); absent = live buffer only.
   */
  historyBefore?: () => Promise<HistoryGrid>;
}

type Past = { grid: Float32Array; setpoints: Float32Array; source: SurrogateRollout['pastSource'] };

/** The model-grid past before the fork: the live buffer when it covers it, else the history store. */
async function pastBeforeFork(req: SurrogateRequest): Promise<Past | { skipped: LocalText }> {
  const inRing = historyMinutesBefore(req.ring, req.fork.simTime);
  if (inRing >= SURROGATE_MIN_HISTORY_MIN && req.fork.simTime <= req.ring.lastTime + STEP_MS) {
    const endTime = Math.min(req.fork.simTime, req.ring.lastTime);
    return {
      grid: resampleRing(req.ring, endTime, WINDOW_LENGTH, STEP_MS),
      setpoints: setpointsHeld(req.fork.controls),
      source: 'live buffer',
    };
  }
  let inStore = 0;
  if (req.historyBefore) {
    let grid: HistoryGrid;
    try {
      grid = await req.historyBefore();
    } catch (e) {
      const error = (e as Error).message;
      return { skipped: () => i18n.t('whatif:surrogate.historyUnreadable', { error }) };
    }
    const g = gridArrays(grid, req.asset, req.fork.controls);
    if (g.minutesWithData >= SURROGATE_MIN_HISTORY_MIN)
      return { grid: g.values, setpoints: g.setpoints, source: 'history store' };
    inStore = g.minutesWithData;
  }
  const counts = { needed: SURROGATE_MIN_HISTORY_MIN, inRing: Math.floor(inRing), inStore };
  return {
    skipped: req.historyBefore
      ? () => i18n.t('whatif:surrogate.needsHistoryBoth', counts)
      : () => i18n.t('whatif:surrogate.needsHistory', counts),
  };
}

export async function surrogateRollout(req: SurrogateRequest): Promise<SurrogateAnswer> {
  const started = performance.now();
  const past = await pastBeforeFork(req);
  if ('skipped' in past) return past;
  const requestedMinutes = Math.max(1, Math.round(req.horizonS / SAMPLE_PERIOD_S));
  const minutes = Math.min(requestedMinutes, SURROGATE_MAX_STEPS);
  const planned = plannedControlsPerMinute(req.plan, req.fork.controls, minutes);
  const held = plannedControlsPerMinute({ controls: [], faults: [] }, req.fork.controls, minutes);
  // The past is the same for both rows: build it once.
  const pastInput = surrogatePast(past.grid, past.setpoints, req.asset, req.fork.simTime, req.stats);
  const planFuture = surrogateFuture(req.fork.controls, planned, req.stats);
  const heldFuture = surrogateFuture(req.fork.controls, held, req.stats);
  const inputs = [stackRows(pastInput, pastInput), stackRows(planFuture, heldFuture)];
  const [forecast] = await req.predict(inputs);
  if (!forecast) throw new Error('forecaster returned no output');
  const values = decodeForecast(forecast, req.stats, req.asset, minutes, 0);
  const baseline = decodeForecast(forecast, req.stats, req.asset, minutes, 1);
  return {
    rollout: {
      key: planKey(req.fork.forkId, req.plan, req.horizonS),
      forkId: req.fork.forkId,
      forkTime: req.fork.simTime,
      t: Array.from({ length: minutes }, (_, h) => req.fork.simTime + (h + 1) * SAMPLE_PERIOD_S * 1000),
      values,
      baseline,
      outsideTraining: outsideTraining(planned, pastInput.data, req.stats, req.asset),
      minutes,
      requestedMinutes,
      computeMs: performance.now() - started,
      pastSource: past.source,
    },
  };
}

/** Two batch-1 inputs stacked into one batch of 2. */
function stackRows(a: TensorData, b: TensorData): TensorData {
  const data = new Float32Array(a.data.length + b.data.length);
  data.set(a.data, 0);
  data.set(b.data, a.data.length);
  return { data, shape: [2, ...a.shape.slice(1)] };
}
