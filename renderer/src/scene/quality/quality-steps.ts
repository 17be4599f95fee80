import type { QualitySetting, QualityState } from '../../state/quality-store';

/**
 * The rendering quality ladder. Step 0 is full quality; each further step gives up one more thing, in this
 * order: device pixel ratio → shadow map size → soft shadows → environment map resolution → shadows →
 * environment lighting (simpler shading: lights only). Anti-aliasing is not on the ladder: WebGL fixes it when
 * the context is created, so it cannot change at run time.
 */
export interface QualitySettings {
  /** Highest device pixel ratio drawn. */
  maxDpr: number;
  shadows: boolean;
  shadowMapSize: number;
  softShadows: boolean;
  /** Cube-map size of the baked studio environment; null: no environment map (lights only). */
  environmentResolution: number | null;
}

const HIGH: QualitySettings = {
  maxDpr: 2,
  shadows: true,
  shadowMapSize: 2048,
  softShadows: true,
  environmentResolution: 256,
};

/** What each step gives up, on top of every step before it. */
const STEP_DOWN: readonly ((s: QualitySettings) => QualitySettings)[] = [
  (s) => ({ ...s, maxDpr: 1 }),
  (s) => ({ ...s, shadowMapSize: 1024 }),
  (s) => ({ ...s, softShadows: false }),
  (s) => ({ ...s, environmentResolution: 64 }),
  (s) => ({ ...s, shadows: false }),
  (s) => ({ ...s, environmentResolution: null }),
];

/** Index of the lowest step (Low). */
export const LOWEST_STEP = STEP_DOWN.length;

/** The settings at `step` (0 = High … LOWEST_STEP = Low). */
export function qualitySettings(step: number): QualitySettings {
  const last = Math.max(0, Math.min(LOWEST_STEP, Math.round(step)));
  return STEP_DOWN.slice(0, last).reduce((s, down) => down(s), HIGH);
}

/** Fixed steps of the named levels. */
export const PRESET_STEPS: Record<Exclude<QualitySetting, 'auto'>, number> = {
  high: 0,
  balanced: 3,
  low: LOWEST_STEP,
};

/** Name of the level a step belongs to, for the status bar. */
export function levelName(step: number): 'High' | 'Balanced' | 'Low' {
  if (step <= 1) return 'High';
  return step < LOWEST_STEP ? 'Balanced' : 'Low';
}

/** The step in force: the preset's, or the controller's under Auto (High until it has started). */
export function activeStep(state: QualityState): number {
  return state.setting === 'auto' ? (state.autoStep ?? 0) : PRESET_STEPS[state.setting];
}
