import { useTranslation } from 'react-i18next';
import type { AlarmPriority, AlarmState } from '../../../core/api/types';
import { ALARM_STYLE } from './alarm-style';

const PATHS = {
  diamond: 'M12 1.5 L22.5 12 L12 22.5 L1.5 12 Z',
  triangle: 'M12 2 L22.5 21 L1.5 21 Z',
  square: 'M3 3 H21 V21 H3 Z',
} as const;

/**
 * ISA-18.2 alarm symbol: shape + priority number + color. Flashes while unacknowledged; a returned-to-
 * normal alarm that still needs acknowledging is drawn hollow.
 */
export function AlarmSymbol({
  priority,
  state,
  size = 24,
}: {
  priority: AlarmPriority;
  state: AlarmState;
  size?: number;
}) {
  const { t } = useTranslation(['scene', 'common']);
  const s = ALARM_STYLE[priority];
  const hollow = state === 'rtn-unack';
  const flashing = state === 'unack' || state === 'rtn-unack';
  return (
    <svg
      className={flashing ? 'twin-alarm-flash' : undefined}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      role="img"
      aria-label={t('scene:alarmSymbol', {
        priority: t(`common:priorityLong.${priority}`),
        state: t(`common:alarmState.${state}`),
      })}
    >
      <path
        d={PATHS[s.shape]}
        fill={hollow ? 'rgba(20,22,24,0.55)' : s.color}
        stroke={hollow ? s.color : '#1b1d1f'}
        strokeWidth={hollow ? 2.5 : 1.2}
        strokeLinejoin="round"
      />
      <text
        x="12"
        y={s.shape === 'triangle' ? 17.5 : 16}
        textAnchor="middle"
        fontSize="11"
        fontWeight="700"
        fontFamily="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
        fill={hollow ? s.color : '#111'}
      >
        {s.text}
      </text>
    </svg>
  );
}
