import * as THREE from 'three';
import { useEffect } from 'react';
import { addAfterEffect, addTail, useThree } from '@react-three/fiber';
import { useStore } from 'zustand';
import { qualityStore } from '../../state/quality-store';
import { QualityController } from './quality-controller';
import { LOWEST_STEP } from './quality-steps';
import { webglRendererName } from './software-renderer';
import { rendererIsSoftware } from '../../inference/software-adapter';
import { useQualitySettings } from './use-quality';

/**
 * Inside the live canvas: detects a software renderer (Auto then starts at Low), runs the adaptive quality
 * controller on the times of frames drawn back to back while Auto is chosen, and recompiles the materials
 * when the shadow settings change. Pixel ratio, shadows and environment are props of the canvas and lights.
 */
export function AdaptiveQuality() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const auto = useStore(qualityStore, (s) => s.setting === 'auto');
  const { shadows, softShadows } = useQualitySettings();

  useEffect(() => {
    if (qualityStore.getState().renderer) return;
    const name = webglRendererName(gl.getContext());
    const software = rendererIsSoftware(name);
    qualityStore.setState({ renderer: { name, software }, autoStep: software ? LOWEST_STEP : 0 });
  }, [gl]);

  useEffect(() => {
    if (!auto) return;
    const controller = new QualityController(qualityStore.getState().autoStep ?? 0, performance.now());
    // Only frames drawn in consecutive animation frames measure the renderer; an idle gap is not a slow frame.
    let previous: number | null = null;
    const stopAfter = addAfterEffect((t) => {
      if (previous !== null) {
        const step = controller.sample(t - previous, t);
        if (step !== null) qualityStore.setState({ autoStep: step });
      }
      previous = t;
    });
    const stopTail = addTail(() => {
      previous = null;
    });
    return () => {
      stopAfter();
      stopTail();
    };
  }, [auto]);

  // Shader programs depend on the shadow settings: recompile once per change.
  useEffect(() => {
    scene.traverse((o) => {
      if (!(o instanceof THREE.Mesh)) return;
      const materials: THREE.Material[] = Array.isArray(o.material) ? o.material : [o.material];
      for (const m of materials) m.needsUpdate = true;
    });
    invalidate();
  }, [scene, shadows, softShadows, invalidate]);

  return null;
}
