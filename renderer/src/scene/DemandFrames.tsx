import { useEffect } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { countFrameDrawn, framesDrawnSoFar, startFrameRequests } from './frame-requests';
import { useDrawCallsHook } from './draw-calls';
import { useOrbitHook } from './orbit-hook';

/**
 * Inside a `frameloop="demand"` canvas: counts the frames it draws (and their draw calls) and, for the live
 * scene (`requestOnChange`), asks for a frame whenever what the scene shows changes (scene/frame-requests).
 */
export function DemandFrames({
  requestOnChange,
  shown = true,
}: {
  requestOnChange: boolean;
  shown?: boolean;
}) {
  const invalidate = useThree((s) => s.invalidate);
  useOrbitHook(shown);
  useDrawCallsHook(shown);
  useEffect(
    () => (requestOnChange ? startFrameRequests(() => invalidate()) : undefined),
    [invalidate, requestOnChange],
  );
  useEffect(() => {
    (window.__twinscape ??= {}).framesDrawn = framesDrawnSoFar;
  }, []);
  useFrame(countFrameDrawn);
  return null;
}
