import { createStore } from 'zustand/vanilla';
import type { LocalText } from '../../i18n/local-text';
import type { WhatIfFork, WhatIfRunResult } from '../../../../core/api/domains/whatif';
import type { ControlChange, FaultInjection } from '../../../../core/scenario/whatif-request';
import type { SetpointSuggestion } from '../../../../core/whatif/optimiser';
import type { CardMae } from '../../state/forecast-store';
import type { SurrogateRollout } from './surrogate/surrogate-rollout';

/** Which answer the 3D preview shows: the physics rollout or the learned surrogate. */
export type PreviewSource = 'physics' | 'surrogate';

export interface WhatIfState {
  fork: WhatIfFork | null;
  horizonS: number;
  controls: ControlChange[];
  faults: FaultInjection[];
  /** Setpoints the tuning sliders hold constant from the fork on (a step at +0 s); empty = not tuning. */
  tuning: Record<string, number>;
  result: WhatIfRunResult | null;
  /** planKey of the fork, plan and horizon `result` answered. */
  resultKey: string | null;
  running: boolean;
  /** Wall ms from the request to the result of the last run (what the slider user waits). */
  responseMs: number | null;
  error: string | null;
  /** Tags drawn in the charts. */
  chartTags: string[];
  /** Index into result.t of the 3D preview; null when the scene shows live values. */
  previewIndex: number | null;
  previewSource: PreviewSource;
  /** The last suggestion, with the targets it was asked for. */
  suggestion: (SetpointSuggestion & { forkId: string; targets: Record<string, number> }) | null;
  suggesting: boolean;
  /** Setpoints before the last apply, for undo. */
  undo: Record<string, number> | null;
  /** Setpoints waiting for the user's confirmation before they go to the live plant. */
  pendingApply: Record<string, number> | null;
  /** The learned forecaster's answer to the current plan (its own horizon, ≤ 60 min). */
  surrogate: SurrogateRollout | null;
  surrogateRunning: boolean;
  /** Why there is no surrogate answer (too little history, no model, an error); null when it answered. */
  surrogateNote: LocalText | null;
  /** The forecaster card's test MAE per horizon and tag: how far to trust the surrogate. */
  surrogateCard: CardMae | null;
}

export const whatIfStore = createStore<WhatIfState>(() => ({
  fork: null,
  horizonS: 3600,
  controls: [],
  faults: [],
  tuning: {},
  result: null,
  resultKey: null,
  running: false,
  responseMs: null,
  error: null,
  chartTags: ['flow', 'motor_power', 'bearing_de_temp'],
  previewIndex: null,
  previewSource: 'physics',
  suggestion: null,
  suggesting: false,
  undo: null,
  pendingApply: null,
  surrogate: null,
  surrogateRunning: false,
  surrogateNote: null,
  surrogateCard: null,
}));
