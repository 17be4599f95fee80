import { useTranslation } from 'react-i18next';
import type { Alarm } from '../../../../core/api/types';
import type { AssetDefinition, TagDefinition } from '../../../../core/asset/schema';
import { alarmText } from '../../i18n/alarm-text';
import { useLocalizedAsset } from '../../hooks/use-localized-asset';
import { useNow } from '../../hooks/useNow';
import { useCanCall } from '../../state/session-role';
import { selectComponent } from '../../state/view-store';
import { ackAll, alarmCommand } from '../../state/twin-actions';
import { needsAck, priorityCoding, splitAlarms } from './alarm-logic';
import { formatClock, formatRemaining, formatValue, withUnit } from '../../format';
import { useDisplayedAlarms } from '../../state/use-displayed-alarms';
import { AlarmStateCell, PriorityBadge } from './AlarmCells';
import { PredictiveAlarmRow } from './PredictiveAlarmRow';
import { useStore } from 'zustand';
import { playbackStore } from '../../state/playback-store';
import { predictiveAlarmStore, shownPredictiveAlarm } from '../../state/predictive-alarm-store';

function limitText(alarm: Alarm, tag: TagDefinition | undefined): string {
  const value = formatValue(alarm.limit, tag?.decimals ?? 1);
  const side = alarm.kind.endsWith('high') ? '>' : '<';
  return `${side} ${tag ? withUnit(value, tag.unit) : value}`;
}

/** Ack, shelve and unshelve call alarmCommand, an operator method. */
const useAlarmCommandAccess = () => {
  const { t } = useTranslation('live');
  return useCanCall('alarmCommand', t('alarms.access'));
};

interface RowProps {
  alarm: Alarm;
  tag: TagDefinition | undefined;
  asset: AssetDefinition | null;
}

function AlarmRow({ alarm, tag, asset }: RowProps) {
  const { t } = useTranslation(['live', 'common']);
  const { allowed, refusal } = useAlarmCommandAccess();
  const text = alarmText(alarm, asset);
  return (
    <li
      className={`alarm-row ${priorityCoding[alarm.priority].className} state-${alarm.state}`}
      data-testid="alarm-row"
      data-alarm-id={alarm.id}
      data-state={alarm.state}
      data-priority={alarm.priority}
    >
      <span className="alarm-time num">{formatClock(alarm.raisedAt)}</span>
      <PriorityBadge priority={alarm.priority} />
      <button
        type="button"
        className="link-button alarm-tag"
        title={tag?.name ?? alarm.tagId}
        onClick={() => selectComponent(alarm.componentId)}
      >
        {tag?.instrument ?? alarm.tagId}
      </button>
      <span className="alarm-message" title={text} data-testid="alarm-message">
        {text}
      </span>
      <span className="alarm-limit num" title={tag?.limitSource ?? t('alarms.limit')}>
        {limitText(alarm, tag)}
      </span>
      <AlarmStateCell state={alarm.state} />
      <span className="alarm-actions">
        <button
          type="button"
          data-testid="btn-ack"
          disabled={!allowed || !needsAck(alarm)}
          title={refusal}
          onClick={() => void alarmCommand({ alarmId: alarm.id, action: 'ack' })}
        >
          {t('alarms.ack')}
        </button>
        <button
          type="button"
          data-testid="btn-shelve-15"
          disabled={!allowed}
          title={refusal ?? t('alarms.shelve15Title')}
          onClick={() => void alarmCommand({ alarmId: alarm.id, action: 'shelve', minutes: 15 })}
        >
          {t('alarms.shelve15')}
        </button>
        <button
          type="button"
          data-testid="btn-shelve-60"
          disabled={!allowed}
          title={refusal ?? t('alarms.shelve60Title')}
          onClick={() => void alarmCommand({ alarmId: alarm.id, action: 'shelve', minutes: 60 })}
        >
          {t('alarms.shelve60')}
        </button>
      </span>
    </li>
  );
}

function ShelvedRow({ alarm, tag, asset, now }: RowProps & { now: number }) {
  const { t } = useTranslation(['live', 'common']);
  const { allowed, refusal } = useAlarmCommandAccess();
  const text = alarmText(alarm, asset);
  return (
    <li
      className="alarm-row shelved-row state-shelved"
      data-testid="alarm-row"
      data-alarm-id={alarm.id}
      data-state={alarm.state}
      data-priority={alarm.priority}
    >
      <span className="alarm-time num">{formatClock(alarm.raisedAt)}</span>
      <PriorityBadge priority={alarm.priority} />
      <span className="alarm-tag">{tag?.instrument ?? alarm.tagId}</span>
      <span className="alarm-message" title={text} data-testid="alarm-message">
        {text}
      </span>
      <span className="alarm-limit num" title={t('alarms.shelfLeft')}>
        {alarm.shelvedUntil === undefined ? '—' : formatRemaining(alarm.shelvedUntil - now)}
      </span>
      <span className="alarm-state state-shelved">{t('common:alarmState.shelved')}</span>
      <span className="alarm-actions">
        <button
          type="button"
          data-testid="btn-unshelve"
          disabled={!allowed}
          title={refusal}
          onClick={() => void alarmCommand({ alarmId: alarm.id, action: 'unshelve' })}
        >
          {t('alarms.unshelve')}
        </button>
      </span>
    </li>
  );
}

/** ISA-18.2 alarm summary: active/unacknowledged alarms, then the shelved list with its timers. */
export function AlarmList() {
  const { t } = useTranslation('live');
  const alarms = useDisplayedAlarms();
  const asset = useLocalizedAsset();
  const { visible, shelved } = splitAlarms(alarms);
  const now = useNow(1000, shelved.length > 0);
  const tagById = new Map(asset?.tags.map((t) => [t.id, t] as const) ?? []);
  const toAck = visible.filter(needsAck).map((a) => a.id);
  const { allowed, refusal } = useAlarmCommandAccess();
  const mode = useStore(playbackStore, (s) => s.mode);
  const predictive = useStore(predictiveAlarmStore, (s) => shownPredictiveAlarm(s, mode) !== null);

  return (
    <section className="alarm-summary" aria-label={t('alarms.title')}>
      <div className="section-header">
        <h2>{t('alarms.title')}</h2>
        <span className="section-count num">{visible.length + (predictive ? 1 : 0)}</span>
        <span className="section-spacer" />
        <button
          type="button"
          data-testid="btn-ack-all"
          disabled={!allowed || toAck.length === 0}
          title={refusal}
          onClick={() => void ackAll(toAck)}
        >
          {t('alarms.ackAll')}
        </button>
      </div>
      <ul className="alarm-list" data-testid="alarm-list">
        <PredictiveAlarmRow tagById={tagById} />
        {visible.length === 0 && !predictive && <li className="empty-hint">{t('alarms.none')}</li>}
        {visible.map((a) => (
          <AlarmRow key={a.id} alarm={a} tag={tagById.get(a.tagId)} asset={asset} />
        ))}
      </ul>
      {shelved.length > 0 && (
        <>
          <div className="section-header sub">
            <h3>{t('alarms.shelved')}</h3>
            <span className="section-count num">{shelved.length}</span>
          </div>
          <ul className="alarm-list shelved-list" data-testid="shelved-list">
            {shelved.map((a) => (
              <ShelvedRow key={a.id} alarm={a} tag={tagById.get(a.tagId)} asset={asset} now={now} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
