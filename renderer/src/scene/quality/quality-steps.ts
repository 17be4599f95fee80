import type { QualitySetting, QualityState } from '../../state/quality-store';

/**
 * The rendering quality ladder. Step 0 is full quality; each further step gives up one more thing, in this
 * order: device pixel ratio → shadow map size → soft shadows → environment map resolution → shadows →
 * environment lighting (simpler shading: lights only) → a plain floor and no animation frames of its own →
 * drawing resolution (three quarters of the pixels' size, scaled up by the browser). Anti-aliasing is not on the
 * ladder: WebGL fixes it when the context is created, so it cannot change at run time. From the step that turns
 * soft shadows off (Balanced) the static parts are also drawn merged, which looks the same in fewer draw calls.
 */
export interface QualitySettings {
  /** Highest device pixel ratio drawn. */
  maxDpr: number;
  shadows: boolean;
  shadowMapSize: number;
  softShadows: boolean;
  /** Cube-map size of the baked studio environment; null: no environment map (lights only). */
  environmentResolution: number | null;
  /**
   * The floor's grid as thin lines alone instead of a shaded full-screen grid on a lit floor, merged parts in a
   * matte (Lambert) material, and animations (the turning shaft) drawn only on the frames the data asks for
   * instead of asking for their own.
   */
  plainScene: boolean;
  /** Fraction of the pixel ratio drawn (under 1: fewer pixels, scaled up). */
  renderScale: number;
  /**
   * The model's static opaque parts drawn as a few merged meshes with per-vertex colours (scene/merge) instead of
   * a mesh per part and material: a software renderer pays per draw call, a GPU hardly notices either way.
   */
  mergedParts: boolean;
}

const HIGH: QualitySettings = {
  maxDpr: 2,
  shadows: true,
  shadowMapSize: 2048,
  softShadows: true,
  environmentResolution: 256,
  plainScene: false,
  renderScale: 1,
  mergedParts: false,
};

/** What each step gives up, on top of every step before it. */
const STEP_DOWN: readonly ((s: QualitySettings) => QualitySettings)[] = [
  (s) => ({ ...s, maxDpr: 1 }),
  (s) => ({ ...s, shadowMapSize: 1024 }),
  (s) => ({ ...s, softShadows: false, mergedParts: true }),
  (s) => ({ ...s, environmentResolution: 64 }),
  (s) => ({ ...s, shadows: false }),
  (s) => ({ ...s, environmentResolution: null }),
  (s) => ({ ...s, plainScene: true }),
  (s) => ({ ...s, renderScale: 0.75 }),
];

/** Index of the lowest step (the Low preset). */
export const LOWEST_STEP = STEP_DOWN.length;
/** From this step on (lights only, no shadows) the status bar calls the level Low. */
const LOW_FROM_STEP = 6;

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

/** Pixel ratio to draw at on a screen of `devicePixelRatio`. */
export function drawingPixelRatio(quality: QualitySettings, devicePixelRatio: number): number {
  return Math.min(Math.max(1, devicePixelRatio), quality.maxDpr) * quality.renderScale;
}

/** Name of the level a step belongs to, for the status bar. */
export function levelName(step: number): 'High' | 'Balanced' | 'Low' {
  if (step <= 1) return 'High';
  return step < LOW_FROM_STEP ? 'Balanced' : 'Low';
}

/** The step in force: the preset's, or the controller's under Auto (High until it has started). */
export function activeStep(state: QualityState): number {
  return state.setting === 'auto' ? (state.autoStep ?? 0) : PRESET_STEPS[state.setting];
}
