import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HistoryEventItem, HistoryInfo, HistoryWindow } from '../../../../../core/api/domains/history';
import { getTwinClient } from '../../../api/client';
import { startHistorySync } from './history-sync';
import { replayController } from '../../../state/replay';
import { playbackStore } from '../../../state/playback-store';
import { useView } from '../../../state/use-store';
import { useTranslation } from 'react-i18next';
import { useLocalizedAsset } from '../../../hooks/use-localized-asset';
import { phraseText } from '../../../i18n/phrase-text';
import { TimelineControls } from './TimelineControls';
import { TimelineTrack } from './TimelineTrack';
import './timeline.css';

/** Wall-clock pause after the view stops changing before markers and the band are fetched again. */
const FETCH_DEBOUNCE_MS = 150;

/** History timeline across the bottom of the window: transport, scrub track with markers, LIVE / REPLAY. */
/** `replayActions`: extra buttons shown while replaying (composed by the app, e.g. "What-if from here"). */
export function Timeline({ replayActions }: { replayActions?: ReactNode }) {
  const { t } = useTranslation('history');
  const controller = replayController();
  const [info, setInfo] = useState<HistoryInfo | null>(null);
  const [eventsVersion, setEventsVersion] = useState(0);
  const [events, setEvents] = useState<HistoryEventItem[]>([]);
  const [bookmarks, setBookmarks] = useState<HistoryEventItem[]>([]);
  const [overview, setOverview] = useState<HistoryWindow | null>(null);
  const view = useStore(playbackStore, (s) => s.view);
  const range = useStore(playbackStore, (s) => s.range);
  const playing = useStore(playbackStore, (s) => s.playing);
  const asset = useLocalizedAsset();
  const selected = useView((s) => s.selectedComponent);

  useEffect(() => startHistorySync(getTwinClient(), setInfo, () => setEventsVersion((v) => v + 1)), []);

  // Playing: advance the playhead once per animation frame.
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function loop(now) {
      controller.tick(now - last);
      last = now;
      frame = requestAnimationFrame(loop);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, controller]);

  // The band shows the selected part's first instrument, else the first one with alarm limits.
  const overviewTag =
    asset?.components.find((c) => c.id === selected)?.tags[0] ??
    asset?.tags.find((t) => t.alarm?.high !== undefined || t.alarm?.low !== undefined)?.id ??
    asset?.tags[0]?.id ??
    null;
  const overviewNormal = asset?.tags.find((t) => t.id === overviewTag)?.normal ?? null;

  useEffect(() => {
    if (!view) return;
    const timer = setTimeout(() => {
      const client = getTwinClient();
      client.historyEvents({ from: view.from, to: view.to, limit: 2000 }).then(setEvents, () => undefined);
      if (overviewTag)
        client
          .historyWindow({ from: view.from, to: view.to, tagIds: [overviewTag], buckets: 400 })
          .then(setOverview, () => setOverview(null));
    }, FETCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [view, overviewTag, eventsVersion]);

  useEffect(() => {
    if (!range) return setBookmarks([]);
    getTwinClient()
      .historyEvents({ from: range.from, to: Math.max(range.to, range.from + 1), limit: 10_000 })
      .then(
        (all) => setBookmarks(all.filter((e) => e.kind === 'bookmark')),
        () => undefined,
      );
    // Only the span's start matters: new bookmarks arrive through eventsVersion.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [range?.from, eventsVersion]);

  const tagName = asset?.tags.find((t) => t.id === overviewTag)?.name ?? '';
  const off = info && !info.available;
  const lastProblem = info?.problems.at(-1);

  return (
    <section className="timeline" data-testid="timeline" aria-label={t('timeline.label')}>
      <TimelineControls
        controller={controller}
        bookmarks={bookmarks}
        onBookmarkAdded={() => setEventsVersion((v) => v + 1)}
        replayActions={replayActions}
      />
      {off ? (
        <div className="timeline-track empty" data-testid="timeline-track">
          <span className="alarm-text">
            {t('timeline.off', {
              reason: lastProblem ? phraseText(lastProblem.phrase, lastProblem.message) : '',
            })}
          </span>
        </div>
      ) : (
        <TimelineTrack
          controller={controller}
          events={events}
          overview={overview}
          overviewLabel={tagName}
          normal={overviewNormal}
        />
      )}
    </section>
  );
}
