import { useTranslation } from 'react-i18next';
import type { AlarmPriority, AlarmState } from '../../../../core/alarms/types';
import { priorityCoding } from './alarm-logic';

/** ISA-18.2 priority: shape and word, so it reads without colour. Shared by limit and predictive alarm rows. */
export function PriorityBadge({ priority }: { priority: AlarmPriority }) {
  const { t } = useTranslation('common');
  const p = priorityCoding[priority];
  return (
    <span className={`prio-badge ${p.className}`}>
      <span aria-hidden="true">{p.shape}</span> {t(`priority.${priority}`)}
    </span>
  );
}

/** The alarm's acknowledgement state, as the alarm list shows it. */
export function AlarmStateCell({ state }: { state: AlarmState }) {
  const { t } = useTranslation('common');
  return (
    <span className={`alarm-state state-${state}`} data-testid="alarm-state">
      {t(`alarmState.${state}`)}
    </span>
  );
}
