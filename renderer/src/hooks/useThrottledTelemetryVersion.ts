import { useEffect, useState } from 'react';
import { telemetryStore } from '../state/telemetry-store';

/**
 * The telemetry version, updated at most once per `intervalMs` (leading and trailing edge), so panels
 * re-read the ring a few times a second instead of per batch. The ring itself is read with getState().
 */
export function useThrottledTelemetryVersion(intervalMs = 250): number {
  const [version, setVersion] = useState(() => telemetryStore.getState().version);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      last = performance.now();
      setVersion(telemetryStore.getState().version);
    };
    const unsubscribe = telemetryStore.subscribe((state, prev) => {
      // A new ring (asset change) resets the version to 0; show that at once.
      if (state.ring !== prev.ring) {
        if (timer) clearTimeout(timer);
        flush();
        return;
      }
      if (timer) return;
      const wait = intervalMs - (performance.now() - last);
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [intervalMs]);
  return version;
}
