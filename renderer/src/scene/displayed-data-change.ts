import { i18n } from '../i18n/i18n';
import { playbackStore } from '../state/playback-store';
import { telemetryStore } from '../state/telemetry-store';

/** Least time between two calls (labels need no more than 4 updates a second). */
const MIN_INTERVAL_MS = 250;
/** Freshness words ("stale 12 s") age with the clock even when no data comes. */
const CLOCK_MS = 1000;

/**
 * Calls `refresh` when the displayed values may have changed (a telemetry batch, the playhead, a preview)
 * and once a second, at most every 250 ms and always after the last change (trailing edge), so the last
 * values before a pause are shown. A language switch refreshes at once: the values' words and decimal signs
 * change with it, and no data may come (paused, replay). Returns the function that stops it.
 */
export function onDisplayedDataChange(refresh: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, last + MIN_INTERVAL_MS - performance.now());
    timer = setTimeout(() => {
      timer = undefined;
      last = performance.now();
      refresh();
    }, wait);
  };
  const now = () => {
    clearTimeout(timer);
    timer = undefined;
    last = performance.now();
    refresh();
  };
  const stops = [telemetryStore.subscribe(schedule), playbackStore.subscribe(schedule)];
  i18n.on('languageChanged', now);
  const clock = setInterval(schedule, CLOCK_MS);
  schedule();
  return () => {
    clearTimeout(timer);
    clearInterval(clock);
    i18n.off('languageChanged', now);
    for (const stop of stops) stop();
  };
}
