import { useEffect, useState } from 'react';

/** Frames per second of this window, measured with requestAnimationFrame and reported once a second. */
export function useFps(): number {
  const [fps, setFps] = useState(0);
  useEffect(() => {
    let frames = 0;
    let start = performance.now();
    let handle = 0;
    const tick = (now: number) => {
      frames++;
      const elapsed = now - start;
      if (elapsed >= 1000) {
        setFps(Math.round((frames * 1000) / elapsed));
        frames = 0;
        start = now;
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, []);
  return fps;
}
