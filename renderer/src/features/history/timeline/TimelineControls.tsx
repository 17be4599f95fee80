import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('history');
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
        title={t('timeline.prevEventTitle')}
        aria-label={t('timeline.prevEvent')}
        onClick={() => void controller.jumpToEvent(-1)}
      >
        <Icon name="to-start" />
      </button>
      <button
        type="button"
        className="icon-button with-icon"
        data-testid="btn-step-back"
        disabled={!hasRange}
        title={t('timeline.stepBackTitle')}
        aria-label={t('timeline.stepBack')}
        onClick={() => controller.step(-1)}
      >
        <Icon name="step-back" />
      </button>
      <button
        type="button"
        className="icon-button with-icon timeline-play"
        data-testid="btn-play"
        disabled={!hasRange}
        title={playing ? t('timeline.pauseTitle') : t('timeline.playTitle')}
        aria-label={playing ? t('timeline.pause') : t('timeline.play')}
        onClick={() => controller.togglePlay()}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="icon-button with-icon"
        data-testid="btn-step-forward"
        disabled={!hasRange}
        title={t('timeline.stepForwardTitle')}
        aria-label={t('timeline.stepForward')}
        onClick={() => controller.step(1)}
      >
        <Icon name="step-forward" />
      </button>
      <button
        type="button"
        className="icon-button with-icon"
        data-testid="btn-next-event"
        disabled={!hasRange}
        title={t('timeline.nextEventTitle')}
        aria-label={t('timeline.nextEvent')}
        onClick={() => void controller.jumpToEvent(1)}
      >
        <Icon name="to-end" />
      </button>
      <label className="timeline-speed" title={t('timeline.speedTitle')}>
        <span className="muted">{t('timeline.speed')}</span>
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
        title={t('timeline.zoomIn')}
        aria-label={t('timeline.zoomIn')}
        onClick={() => zoomTimeline(0.5)}
      >
        <Icon name="zoom-in" />
      </button>
      <button
        type="button"
        className="icon-button with-icon"
        disabled={!hasRange}
        title={t('timeline.zoomOut')}
        aria-label={t('timeline.zoomOut')}
        onClick={() => zoomTimeline(2)}
      >
        <Icon name="zoom-out" />
      </button>
      <button
        type="button"
        data-testid="btn-fit"
        disabled={!hasRange}
        title={t('timeline.fitTitle')}
        onClick={fitTimeline}
      >
        {t('timeline.fit')}
      </button>
      <Bookmarks controller={controller} bookmarks={bookmarks} onAdded={onBookmarkAdded} />
      <span className="section-spacer" />
      <span
        className={`timeline-mode num ${replay ? 'is-replay' : 'is-live'}`}
        data-testid="timeline-mode"
        data-mode={mode}
      >
        {replay ? t('timeline.replayAt', { time: formatDateTime(playhead) }) : t('timeline.live')}
      </span>
      {replay && replayActions}
      <button
        type="button"
        className={`timeline-live ${replay ? '' : 'active'}`}
        data-testid="btn-live"
        aria-pressed={!replay}
        title={t('timeline.liveTitle')}
        onClick={() => controller.live()}
      >
        {t('timeline.live')}
      </button>
    </div>
  );
}
