import type { WhatIfPlanInput } from '../../../../core/scenario/whatif-request';
import { whatIfStore } from './whatif-store';

/** The plan the panel describes: the schedule, the faults, and the tuning sliders as steps at +0 s. */
export function currentPlan(): WhatIfPlanInput {
  const s = whatIfStore.getState();
  const tuned = Object.entries(s.tuning).map(([controlId, to]) => ({
    controlId,
    atS: 0,
    to,
    shape: 'step' as const,
  }));
  return { controls: [...tuned, ...s.controls], faults: s.faults };
}
