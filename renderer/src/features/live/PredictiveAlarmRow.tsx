import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { TagDefinition } from '../../../../core/asset/schema';
import { formatClock, formatValue } from '../../format';
import { useCanCall } from '../../state/session-role';
import { PREDICTIVE_ALARM_ID } from '../../../../core/alarms/predictive-alarm';
import { playbackStore } from '../../state/playback-store';
import {
  acknowledgeReplayPredictive,
  predictiveAlarmStore,
  shownPredictive,
} from '../../state/predictive-alarm-store';
import { alarmCommand } from '../../state/twin-actions';
import { selectComponent } from '../../state/view-store';
import { hoverWhyTag } from '../../state/why';
import { AlarmStateCell, PriorityBadge } from './AlarmCells';
import { priorityCoding } from './alarm-logic';

/**
 * The normal-behaviour model's predictive alarm (ISA-18.2 states, its own type and priority), listed above
 * the limit alarms with the tags driving the score; hovering a tag outlines its part. Live it shows the
 * backend's alarm and Ack goes to the backend (recorded, audited, seen by every client). In replay it shows
 * the alarm history recorded at the playhead, in its recorded state (no Ack: it happened live); where none was
 * recorded, the one computed from the replayed rows, said so, with an Ack local to this window.
 */
export function PredictiveAlarmRow({ tagById }: { tagById: ReadonlyMap<string, TagDefinition> }) {
  const { t } = useTranslation(['live', 'common']);
  const mode = useStore(playbackStore, (s) => s.mode);
  // Two selections of stable values: a selector returning a fresh object would re-render without end.
  const alarm = useStore(predictiveAlarmStore, (s) => shownPredictive(s, mode)?.alarm ?? null);
  const source = useStore(predictiveAlarmStore, (s) => shownPredictive(s, mode)?.source ?? null);
  const { allowed, refusal } = useCanCall('alarmCommand', t('alarms.access'));
  if (!alarm) return null;
  const p = priorityCoding[alarm.priority];
  const label = (id: string) => tagById.get(id)?.instrument ?? id;
  const top = alarm.why[0];
  return (
    <li
      className={`alarm-row predictive-alarm ${p.className} state-${alarm.state}`}
      data-testid="predictive-alarm"
      data-state={alarm.state}
      data-active={alarm.active}
      data-why={alarm.why.join(',')}
      data-source={source}
    >
      <span className="alarm-time num">{formatClock(alarm.raisedAt)}</span>
      <PriorityBadge priority={alarm.priority} />
      <button
        type="button"
        className="link-button alarm-tag"
        title={t('predictive.tagTitle')}
        onClick={() => alarm.componentId && selectComponent(alarm.componentId)}
      >
        {t('predictive.tag')}
      </button>
      <span
        className="alarm-message"
        title={t(top ? 'predictive.messageTitleDriven' : 'predictive.messageTitle', {
          score: formatValue(alarm.peakScore, 1),
          threshold: formatValue(alarm.threshold, 1),
          tag: top ? (tagById.get(top)?.name ?? top) : '',
        })}
      >
        {top ? t('predictive.messageTag', { tag: label(top) }) : t('predictive.message')}
        {source === 'computed' && (
          <span className="predictive-computed" title={t('predictive.computedTitle')}>
            {' '}
            {t('predictive.computed')}
          </span>
        )}
      </span>
      <span className="alarm-limit predictive-why" data-testid="predictive-why">
        {t('predictive.why')}{' '}
        {alarm.why.map((id, k) => (
          <span
            key={id}
            className="predictive-why-tag"
            data-tag={id}
            title={tagById.get(id)?.name ?? id}
            onPointerEnter={() => hoverWhyTag(id)}
            onPointerLeave={() => hoverWhyTag(null)}
          >
            {k > 0 ? ', ' : ''}
            {label(id)}
          </span>
        ))}
      </span>
      <AlarmStateCell state={alarm.state} />
      <span className="alarm-actions">
        <button
          type="button"
          data-testid="btn-ack-predictive"
          disabled={!allowed || alarm.state === 'ack' || source === 'recorded'}
          title={source === 'recorded' ? t('predictive.recordedAckTitle') : refusal}
          onClick={() =>
            mode === 'live'
              ? void alarmCommand({ alarmId: PREDICTIVE_ALARM_ID, action: 'ack' })
              : acknowledgeReplayPredictive()
          }
        >
          {t('alarms.ack')}
        </button>
      </span>
    </li>
  );
}
