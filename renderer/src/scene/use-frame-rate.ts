import { useEffect, useState } from 'react';
import { framesDrawnSoFar } from './frame-requests';

/**
 * Frames the 3D view drew in the last second, read once a second. With render on demand it is 0 while nothing
 * on screen changes, and no animation-frame loop runs just to measure it.
 */
export function useFramesDrawnPerSecond(): number {
  const [rate, setRate] = useState(0);
  useEffect(() => {
    let frames = framesDrawnSoFar();
    let start = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const drawn = framesDrawnSoFar();
      setRate(Math.round(((drawn - frames) * 1000) / (now - start)));
      frames = drawn;
      start = now;
    }, 1000);
    return () => clearInterval(timer);
  }, []);
  return rate;
}
