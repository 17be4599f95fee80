import { useStore } from 'zustand';
import type { TagDefinition } from '../../../../core/asset/schema';
import { formatClock } from '../../format';
import { useCanCall } from '../../state/session-role';
import { acknowledgePredictive, predictiveAlarmStore } from '../../state/predictive-alarm-store';
import { selectComponent } from '../../state/view-store';
import { hoverWhyTag } from '../../state/why';
import { priorityCoding, stateText } from './alarm-logic';

/**
 * The normal-behaviour model's predictive alarm (ISA-18.2 states, its own type and priority), listed above
 * the limit alarms with the tags driving the score; hovering a tag outlines its part.
 */
export function PredictiveAlarmRow({ tagById }: { tagById: ReadonlyMap<string, TagDefinition> }) {
  const alarm = useStore(predictiveAlarmStore, (s) => s.alarm);
  const { allowed, refusal } = useCanCall('alarmCommand', 'acknowledging an alarm');
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
    >
      <span className="alarm-time num">{formatClock(alarm.raisedAt)}</span>
      <span className={`prio-badge ${p.className}`}>
        <span aria-hidden="true">{p.shape}</span> {p.text}
      </span>
      <button
        type="button"
        className="link-button alarm-tag"
        title="Predictive alarm of the normal-behaviour model: show the part driving it"
        onClick={() => alarm.componentId && selectComponent(alarm.componentId)}
      >
        PRED
      </button>
      <span
        className="alarm-message"
        title={`Abnormal behaviour (normal-behaviour model): score ${alarm.peakScore.toFixed(1)} over threshold ${alarm.threshold.toFixed(1)}${top ? `, driven by ${tagById.get(top)?.name ?? top}` : ''}`}
      >
        Abnormal{top ? ` · ${label(top)}` : ''}
      </span>
      <span className="alarm-limit predictive-why" data-testid="predictive-why">
        Why:{' '}
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
      <span className={`alarm-state state-${alarm.state}`} data-testid="alarm-state">
        {stateText[alarm.state]}
      </span>
      <span className="alarm-actions">
        <button
          type="button"
          data-testid="btn-ack-predictive"
          disabled={!allowed || alarm.state === 'ack'}
          title={refusal}
          onClick={acknowledgePredictive}
        >
          Ack
        </button>
      </span>
    </li>
  );
}
