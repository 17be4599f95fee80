import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ReplayController } from '../../../state/replay-controller';
import { REPLAY_SPEEDS } from '../../../state/timeline-math';
import { playbackStore } from '../../../state/playback-store';
import { formatDateTime } from '../../../format';
import { Icon } from '../../../ui/icons';
import { Bookmarks } from './Bookmarks';
import { fitTimeline, zoomTimeline } from './view-actions';
import type { HistoryEventItem } from '../../../../../core/api/domains/history';

const speedText = (s: number) => (s >= 1000 ? `${s / 1000}k×` : `${s}×`);

/** Transport (events, step, play), speed, zoom, bookmarks, the LIVE / REPLAY state and the LIVE button. */
export function TimelineControls({
  controller,
  bookmarks,
  onBookmarkAdded,
  replayActions,
}: {
  controller: ReplayController;
  bookmarks: HistoryEventItem[];
  onBookmarkAdded: () => void;
  /** Shown while replaying, after the transport (the app passes "What-if from here"). */
  replayActions?: ReactNode;
}) {
  const mode = useStore(playbackStore, (s) => s.mode);
  const playing = useStore(playbackStore, (s) => s.playing);
  const speed = useStore(playbackStore, (s) => s.speed);
  const playhead = useStore(playbackStore, (s) => s.playhead);
  const hasRange = useStore(playbackStore, (s) => s.range !== null);
  const replay = mode === 'replay';

  return (
    <div className="timeline-controls">
      <button
        type="button"
        className="icon-button with-icon"
        data-testid="btn-prev-event"
        disabled={!hasRange}
        title="Previous alarm or event (Shift+←)"
        aria-label="Previous alarm or event"
        onClick={() => void controller.jumpToEvent(-1)}
      >
        <Icon name="to-start" />
      </button>
      <button
        type="button"
        className="icon-button with-icon"
        data-testid="btn-step-back"
        disabled={!hasRange}
        title="Step back (←)"
        aria-label="Step back"
        onClick={() => controller.step(-1)}
      >
        <Icon name="step-back" />
      </button>
      <button
        type="button"
        className="icon-button with-icon timeline-play"
        data-testid="btn-play"
        disabled={!hasRange}
        title={playing ? 'Pause replay (Space)' : 'Play replay (Space)'}
        aria-label={playing ? 'Pause replay' : 'Play replay'}
        onClick={() => controller.togglePlay()}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="icon-button with-icon"
        data-testid="btn-step-forward"
        disabled={!hasRange}
        title="Step forward (→)"
        aria-label="Step forward"
        onClick={() => controller.step(1)}
      >
        <Icon name="step-forward" />
      </button>
      <button
        type="button"
        className="icon-button with-icon"
        data-testid="btn-next-event"
        disabled={!hasRange}
        title="Next alarm or event (Shift+→)"
        aria-label="Next alarm or event"
        onClick={() => void controller.jumpToEvent(1)}
      >
        <Icon name="to-end" />
      </button>
      <label className="timeline-speed" title="Replay speed (simulated time per wall second)">
        <span className="muted">Replay</span>
        <select
          data-testid="replay-speed"
          value={speed}
          onChange={(e) => controller.setSpeed(Number(e.target.value))}
        >
          {REPLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedText(s)}
            </option>
          ))}
        </select>
      </label>
      <span className="timeline-sep" />
      <button
        type="button"
        className="icon-button with-icon"
        disabled={!hasRange}
        title="Zoom in"
        aria-label="Zoom in"
        onClick={() => zoomTimeline(0.5)}
      >
        <Icon name="zoom-in" />
      </button>
      <button
        type="button"
        className="icon-button with-icon"
        disabled={!hasRange}
        title="Zoom out"
        aria-label="Zoom out"
        onClick={() => zoomTimeline(2)}
      >
        <Icon name="zoom-out" />
      </button>
      <button
        type="button"
        data-testid="btn-fit"
        disabled={!hasRange}
        title="Show all stored history"
        onClick={fitTimeline}
      >
        Fit
      </button>
      <Bookmarks controller={controller} bookmarks={bookmarks} onAdded={onBookmarkAdded} />
      <span className="section-spacer" />
      <span
        className={`timeline-mode num ${replay ? 'is-replay' : 'is-live'}`}
        data-testid="timeline-mode"
        data-mode={mode}
      >
        {replay ? `REPLAY ${formatDateTime(playhead)} UTC` : 'LIVE'}
      </span>
      {replay && replayActions}
      <button
        type="button"
        className={`timeline-live ${replay ? '' : 'active'}`}
        data-testid="btn-live"
        aria-pressed={!replay}
        title="Return to live data"
        onClick={() => controller.live()}
      >
        LIVE
      </button>
    </div>
  );
}
