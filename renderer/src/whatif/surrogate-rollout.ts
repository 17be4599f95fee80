/**
 * The learned surrogate's answer to a what-if: one batched forecaster call from the telemetry before the fork
 * and the plan's setpoints per minute. The caller supplies `predict` (the app: the inference worker; tests:
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
  const inputs = buildSurrogateInputs(req.ring, req.asset, endTime, req.fork.controls, planned, req.stats);
  const [forecast] = await req.predict(inputs);
  if (!forecast) throw new Error('forecaster returned no output');
  const values = decodeForecast(forecast, req.stats, req.asset, minutes);
  return {
    rollout: {
      key: planKey(req.fork.forkId, req.plan, req.horizonS),
      forkId: req.fork.forkId,
      forkTime: req.fork.simTime,
      t: Array.from({ length: minutes }, (_, h) => req.fork.simTime + (h + 1) * SAMPLE_PERIOD_S * 1000),
      values,
      minutes,
      requestedMinutes,
      computeMs: performance.now() - started,
    },
  };
}
