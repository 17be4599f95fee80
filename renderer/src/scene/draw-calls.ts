import { useEffect, useRef } from 'react';
import { addAfterEffect, addEffect, useFrame, useThree } from '@react-three/fiber';

declare global {
  interface TwinscapeHooks {
    /** Draw calls of the shown 3D view's last frame, every pass counted (shadow map, both halves of a split). */
    drawCalls?(): number;
  }
}

/**
 * Installs `drawCalls` for this canvas while it is the one shown (`enabled`). The renderer's counters are
 * reset once per frame rather than once per `render` call, so a frame drawn in several passes counts whole.
 */
export function useDrawCallsHook(enabled: boolean): void {
  const gl = useThree((s) => s.gl);
  const drew = useRef(false);
  useFrame(() => {
    drew.current = true;
  });
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    gl.info.autoReset = false;
    const stopBefore = addEffect(() => gl.info.reset());
    const stopAfter = addAfterEffect(() => {
      if (!drew.current) return;
      drew.current = false;
      last = gl.info.render.calls;
    });
    const drawCalls = () => last;
    (window.__twinscape ??= {}).drawCalls = drawCalls;
    return () => {
      stopBefore();
      stopAfter();
      gl.info.autoReset = true;
      if (window.__twinscape?.drawCalls === drawCalls) delete window.__twinscape.drawCalls;
    };
  }, [enabled, gl]);
}
