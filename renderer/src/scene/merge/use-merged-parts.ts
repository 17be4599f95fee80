import { useLayoutEffect, useMemo } from 'react';
import type { SceneModel } from '../model/scene-model';
import { MergedParts } from './merged-parts';

/**
 * The model's static parts merged into a few meshes while `enabled` (see quality-steps `mergedParts`), in the
 * cheaper matte material while `matte`, swapped in on commit and out again when disabled or when the model changes;
 * null while the parts draw one by one.
 */
export function useMergedParts(
  model: SceneModel | null,
  enabled: boolean,
  matte: boolean,
): MergedParts | null {
  // Building reads the model only (a merged mesh is never merged again); the scene changes on commit.
  const merged = useMemo(
    () => (model && enabled ? new MergedParts(model, matte) : null),
    [model, enabled, matte],
  );
  useLayoutEffect(() => {
    if (!merged) return;
    merged.attach();
    return () => merged.dispose();
  }, [merged]);
  return merged;
}
