/**
 * The learned surrogate's answer to a what-if: one batched forecaster call from the telemetry before the fork,
 * row 0 with the plan's setpoints per minute and row 1 with the setpoints held ("do nothing"), so the 3D
 * delta compares two answers of the same model. The caller supplies `predict` (the app: the inference worker; tests:
 * tfjs directly), so both run exactly this code.
 */
import type { AssetDefinition } from '../../../core/asset/schema';
import type { NormalizationStats } from '../../../core/data/normalization';
import { SAMPLE_PERIOD_S } from '../../../core/ml/pump/spec';
import type { WhatIfPlanInput } from '../../../core/scenario/whatif-request';
import type { TensorData } from '../inference/inference-api';
import type { TelemetryRing } from '../state/telemetry-ring';
import {
  buildSurrogateInputs,
  decodeForecast,
  historyMinutesBefore,
  plannedControlsPerMinute,
  SURROGATE_MAX_STEPS,
  SURROGATE_MIN_HISTORY_MIN,
} from './surrogate-input';
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
  /** Wall ms from reading the ring to decoded values, the predict call included. */
  computeMs: number;
}

export type SurrogateAnswer = { rollout: SurrogateRollout } | { skipped: string };

export interface SurrogateRequest {
  ring: TelemetryRing;
  asset: AssetDefinition;
  fork: { forkId: string; simTime: number; controls: Readonly<Record<string, number>> };
  plan: WhatIfPlanInput;
  horizonS: number;
  stats: NormalizationStats;
  predict: (inputs: TensorData[]) => Promise<TensorData[]>;
}

export async function surrogateRollout(req: SurrogateRequest): Promise<SurrogateAnswer> {
  const started = performance.now();
  const history = historyMinutesBefore(req.ring, req.fork.simTime);
  if (history < SURROGATE_MIN_HISTORY_MIN)
    return {
      skipped: `surrogate needs ${SURROGATE_MIN_HISTORY_MIN} min of history before the fork (has ${Math.floor(history)})`,
    };
  const requestedMinutes = Math.max(1, Math.round(req.horizonS / SAMPLE_PERIOD_S));
  const minutes = Math.min(requestedMinutes, SURROGATE_MAX_STEPS);
  const planned = plannedControlsPerMinute(req.plan, req.fork.controls, minutes);
  const endTime = Math.min(req.fork.simTime, req.ring.lastTime);
  const held = plannedControlsPerMinute({ controls: [], faults: [] }, req.fork.controls, minutes);
  const [past, planFuture] = buildSurrogateInputs(
    req.ring,
    req.asset,
    endTime,
    req.fork.controls,
    planned,
    req.stats,
  );
  const [, heldFuture] = buildSurrogateInputs(
    req.ring,
    req.asset,
    endTime,
    req.fork.controls,
    held,
    req.stats,
  );
  const inputs = [stackRows(past!, past!), stackRows(planFuture!, heldFuture!)];
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
      outsideTraining: outsideTraining(planned, past!.data, req.stats, req.asset),
      minutes,
      requestedMinutes,
      computeMs: performance.now() - started,
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
