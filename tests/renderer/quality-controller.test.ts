import { describe, expect, it } from 'vitest';
import { QualityController } from '../../renderer/src/scene/quality/quality-controller';
import {
  drawingPixelRatio,
  LOWEST_STEP,
  levelName,
  PRESET_STEPS,
  qualitySettings,
} from '../../renderer/src/scene/quality/quality-steps';
import { rendererIsSoftware } from '../../renderer/src/inference/software-adapter';

const FRAME_GAP_MS = 16;

/** Feeds `count` frames whose time comes from `frameMs(step, i)`; returns every step the controller chose. */
function drive(
  controller: QualityController,
  count: number,
  frameMs: (step: number, i: number) => number,
  clock = { now: 0 },
): number[] {
  const steps: number[] = [];
  for (let i = 0; i < count; i++) {
    const ms = frameMs(controller.step, i);
    clock.now += Math.max(ms, FRAME_GAP_MS);
    const changed = controller.sample(ms, clock.now);
    if (changed !== null) steps.push(changed);
  }
  return steps;
}

/** Seeded noise in [-1, 1]. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return (s / 2 ** 32) * 2 - 1;
  };
}

describe('quality steps', () => {
  it('gives things up in the documented order: pixel ratio, shadow map size, soft shadows, environment size, shadows, environment, plain scene, resolution', () => {
    const s = Array.from({ length: LOWEST_STEP + 1 }, (_, i) => qualitySettings(i));
    expect(s[0]).toEqual({
      maxDpr: 2,
      shadows: true,
      shadowMapSize: 2048,
      softShadows: true,
      environmentResolution: 256,
      plainScene: false,
      renderScale: 1,
      mergedParts: false,
    });
    expect(s[1]).toMatchObject({ maxDpr: 1, shadowMapSize: 2048 });
    expect(s[2]).toMatchObject({ shadowMapSize: 1024, softShadows: true, mergedParts: false });
    expect(s[3]).toMatchObject({ softShadows: false, environmentResolution: 256, mergedParts: true });
    expect(s[4]).toMatchObject({ environmentResolution: 64, shadows: true });
    expect(s[5]).toMatchObject({ shadows: false, environmentResolution: 64 });
    expect(s[6]).toMatchObject({ environmentResolution: null, plainScene: false });
    expect(s[7]).toMatchObject({ plainScene: true, renderScale: 1 });
    expect(s[8]).toMatchObject({ maxDpr: 1, shadows: false, plainScene: true, renderScale: 0.75 });
    expect(LOWEST_STEP).toBe(8);
    expect(levelName(PRESET_STEPS.high)).toBe('High');
    expect(levelName(PRESET_STEPS.balanced)).toBe('Balanced');
    expect(levelName(PRESET_STEPS.low)).toBe('Low');
    expect(levelName(6)).toBe('Low');
  });

  it('draws at the screen pixel ratio up to the step’s limit, times its resolution scale', () => {
    expect(drawingPixelRatio(qualitySettings(0), 2)).toBe(2);
    expect(drawingPixelRatio(qualitySettings(0), 3)).toBe(2);
    expect(drawingPixelRatio(qualitySettings(1), 2)).toBe(1);
    expect(drawingPixelRatio(qualitySettings(LOWEST_STEP), 1)).toBe(0.75);
    expect(drawingPixelRatio(qualitySettings(LOWEST_STEP), 2)).toBe(0.75);
  });

  it('recognises software renderers by their WebGL renderer string', () => {
    expect(
      rendererIsSoftware('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'),
    ).toBe(true);
    expect(rendererIsSoftware('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(rendererIsSoftware('ANGLE (Microsoft, Microsoft Basic Render Driver, WARP)')).toBe(true);
    expect(rendererIsSoftware('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(
      false,
    );
  });
});

describe('QualityController', () => {
  it('steps down one step at a time while frames stay over budget, then holds', () => {
    const controller = new QualityController(0, 0);
    // Each step saves 10 ms: 80 ms at High, 20 ms at the lowest step.
    const steps = drive(controller, 3000, (step) => 80 - step * 10);
    expect(steps).toEqual([1, 2, 3, 4, 5]); // 30 ms at step 5 is under the 33 ms budget
    expect(controller.step).toBe(5);
  });

  it('does not step down on a short burst of slow frames', () => {
    const controller = new QualityController(0, 0);
    const steps = drive(controller, 600, (_, i) => (i >= 300 && i < 305 ? 120 : 10));
    expect(steps).toEqual([]);
  });

  it('steps back up only after a long run of fast frames, and waits the dwell time between changes', () => {
    const controller = new QualityController(LOWEST_STEP, 0);
    const clock = { now: 0 };
    const ups = drive(controller, 89, () => 5, clock);
    expect(ups).toEqual([]); // 89 fast frames: not yet
    const later = drive(controller, 2000, () => 5, clock);
    expect(later).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('does not oscillate on a noisy frame time around the budget', () => {
    const controller = new QualityController(0, 0);
    const rand = noise(7);
    // 40 ms at High, 6 ms less per step, ±15 ms of noise: settles where the mean is under the budget.
    const steps = drive(controller, 20_000, (step) => 40 - step * 6 + rand() * 15);
    const reversals = steps.filter(
      (s, i) => i > 0 && Math.sign(s - steps[i - 1]!) !== Math.sign(steps[1]! - steps[0]!),
    );
    expect(steps.length).toBeLessThanOrEqual(3);
    expect(reversals).toEqual([]);
    expect(controller.step).toBeGreaterThanOrEqual(1);
  });

  it('ignores frame times that are not real measurements', () => {
    const controller = new QualityController(2, 0);
    expect(controller.sample(Number.NaN, 10_000)).toBeNull();
    expect(controller.sample(0, 10_000)).toBeNull();
    expect(controller.step).toBe(2);
  });
});
