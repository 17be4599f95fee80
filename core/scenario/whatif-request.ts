import { z } from 'zod';

/** One change of a control in a what-if: a step, or a linear ramp over rampS, starting atS after the fork. */
export const controlChangeSchema = z
  .object({
    controlId: z.string().min(1).max(64),
    /** Seconds after the fork when the change starts. */
    atS: z
      .number()
      .min(0)
      .max(30 * 86_400),
    /** Target value, in the control's unit; must lie within the control's limits. */
    to: z.number().finite(),
    shape: z.enum(['step', 'ramp']).default('step'),
    /** Duration of a ramp, seconds (ignored for steps). */
    rampS: z.number().min(1).max(86_400).default(60),
  })
  .strict();

/** A fault started during the what-if, onsetS after the fork. Sensor faults need targetTag. */
export const faultInjectionSchema = z
  .object({
    faultId: z.string().min(1).max(64),
    severity: z.number().min(0).max(1),
    growthPerHour: z.number().min(0).max(100).default(0),
    onsetS: z
      .number()
      .min(0)
      .max(30 * 86_400)
      .default(0),
    targetTag: z.string().min(1).max(64).optional(),
  })
  .strict();

export const whatIfPlanSchema = z
  .object({
    controls: z.array(controlChangeSchema).max(64).default([]),
    faults: z.array(faultInjectionSchema).max(16).default([]),
  })
  .strict();

export type ControlChange = z.output<typeof controlChangeSchema>;
export type FaultInjection = z.output<typeof faultInjectionSchema>;
export type WhatIfPlan = z.output<typeof whatIfPlanSchema>;
export type WhatIfPlanInput = z.input<typeof whatIfPlanSchema>;

/** Key figures of one rollout. Times are seconds after the fork; null when it did not happen. */
export interface WhatIfKpis {
  timeToFirstAlarmS: number | null;
  /** Tag of the first alarm. */
  firstAlarmTag: string | null;
  timeToTripS: number | null;
  firstTripTag: string | null;
  /** Electrical energy drawn by the motor, kWh. */
  energyKWh: number | null;
  /** Volume pumped, m³. */
  deliveredM3: number | null;
  /** Highest pump bearing temperature after the fork, °C (the fork's own value included: a cooling plan's peak is its start). */
  peakBearingTempC: number | null;
  /** Hottest pump bearing at the end of the horizon, °C: where the plan leaves it. */
  bearingTempAtHorizonC: number | null;
  /** Share of the ensemble members (perturbed noise and fault growth) that reach a trip within the horizon. */
  failureProbability: number;
  /** Members the probability was estimated from. */
  ensembleSize: number;
  /** Time until the first trip, looking past the horizon (up to a week) while a fault grows; null if none. */
  remainingUsefulLifeS: number | null;
}

/** Columnar outcome of one rollout, decimated for display (KPIs come from the full-rate run). */
export interface RolloutSeries {
  /** values[tagIndex][point], asset tag order; null where the sample was missing. */
  values: (number | null)[][];
  kpis: WhatIfKpis;
  /** Control targets at each point, by control id. */
  controls: Record<string, number[]>;
}
