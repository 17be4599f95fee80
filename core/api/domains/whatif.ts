// WhatIf part of the TwinApi: request schemas, method signatures and pushed events.
// Each method listed in whatifRequestSchemas must appear in WhatIfApi with the same name.
import { z } from 'zod';
import { faultInjectionSchema, whatIfPlanSchema } from '../../scenario/whatif-request';
import type { WhatIfComparison } from '../../whatif/compare';
import type { SetpointSuggestion } from '../../whatif/optimiser';
import type { ActiveFault, SimStatus } from '../../sim/types';

const forkId = z.string().min(1).max(64);
const horizonS = z
  .number()
  .min(10)
  .max(7 * 86_400);

/** Request schemas of the whatif methods, validated on arrival by the backend. */
export const whatifRequestSchemas = {
  whatifFork: z
    .object({
      /** Fork from the history at this simulated time (ms since epoch); absent forks from live now. */
      at: z.number().finite().nonnegative().optional(),
    })
    .strict(),
  whatifRun: z
    .object({
      /** A fork from whatifFork; absent forks from the live state now. */
      forkId: forkId.optional(),
      horizonS,
      plan: whatIfPlanSchema,
      /** Members for the failure probability (1 = the run itself). */
      ensemble: z.number().int().min(1).max(32).default(8),
      maxPoints: z.number().int().min(10).max(5000).default(600),
      /** How far past the horizon to look for a trip while a fault grows (0 = skip, for quick slider runs). */
      rulLookaheadS: z
        .number()
        .min(0)
        .max(7 * 86_400)
        .default(3 * 86_400),
      /** Whether "do nothing" keeps the plan's injected faults. */
      baselineKeepsFaults: z.boolean().default(false),
    })
    .strict(),
  whatifSuggest: z
    .object({
      forkId: forkId.optional(),
      horizonS: z.number().min(10).max(86_400),
      targets: z
        .array(
          z
            .object({
              tagId: z.string().min(1).max(64),
              target: z.number().finite(),
              weight: z.number().min(0).max(1e6),
            })
            .strict(),
        )
        .max(16),
      energyWeight: z.number().min(0).max(1e6).default(0),
      controlIds: z.array(z.string().min(1).max(64)).min(1).max(16).optional(),
      faults: z.array(faultInjectionSchema).max(16).default([]),
      iterations: z.number().int().min(1).max(30).default(6),
      population: z.number().int().min(4).max(200).default(20),
      seed: z.number().int().nonnegative().default(1),
    })
    .strict(),
  whatifApply: z.object({ controls: z.record(z.string().min(1).max(64), z.number().finite()) }).strict(),
} as const;

export interface WhatIfFork {
  forkId: string;
  /** Simulated time of the fork, ms since epoch. */
  simTime: number;
  controls: Record<string, number>;
  faults: ActiveFault[];
  /** The live simulator now, or a state rebuilt from the history store (see `history`). */
  origin: 'live' | 'history';
  /** Forks from history: how the state at `simTime` was rebuilt. */
  history?: WhatIfHistoryOrigin;
}

export interface WhatIfHistoryOrigin {
  /** The time asked for, ms since epoch; `simTime` is the last sample time at or before it. */
  requestedAt: number;
  /** Time of the stored simulator state the fork was replayed from. */
  snapshotTime: number;
  /**
   * Simulated seconds replayed from that state to `simTime`. The replay is exact (the live run's own
   * steps and noise, and no input in between: a state is stored after every setpoint change and fault).
   */
  replayedS: number;
}

export interface WhatIfRunResult extends WhatIfComparison {
  forkId: string;
}

export interface WhatIfApplyResult {
  /** Setpoints before the change, for undo. */
  previous: Record<string, number>;
  status: SimStatus;
}

/** WhatIf methods of the TwinApi. */
export interface WhatIfApi {
  /**
   * Freezes the live simulator state as a fork that what-ifs start from; with `at`, rebuilds the state at
   * that moment from the simulator states in the history store (an error names the nearest one when none is close).
   */
  whatifFork(req: z.input<(typeof whatifRequestSchemas)['whatifFork']>): Promise<WhatIfFork>;
  /** Physics rollout of a plan and of "do nothing" from a fork, with KPIs. */
  whatifRun(req: z.input<(typeof whatifRequestSchemas)['whatifRun']>): Promise<WhatIfRunResult>;
  /** Cross-entropy search for setpoints minimising J, verified on the full-rate physics. */
  whatifSuggest(
    req: z.input<(typeof whatifRequestSchemas)['whatifSuggest']>,
  ): Promise<SetpointSuggestion & { forkId: string }>;
  /** Sets several setpoints on the live simulator at once; returns the previous ones for undo. */
  whatifApply(req: z.input<(typeof whatifRequestSchemas)['whatifApply']>): Promise<WhatIfApplyResult>;
}

/** Events the backend pushes for this domain. */
export type WhatIfEvent = never;
