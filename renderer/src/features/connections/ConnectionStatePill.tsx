import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../../core/api/domains/connections';
import { retryText } from './connections-format';

/** A connection's state as shape + word (+ colour only when abnormal); reconnecting counts down to its next try. */
export function ConnectionStatePill(props: {
  state: ConnectionState;
  nextRetryAt: number | null;
  now: number;
}) {
  const { t } = useTranslation('connections');
  const retry = props.state === 'reconnecting' ? retryText(props.nextRetryAt, props.now) : null;
  return (
    <span
      className={`state-pill pill-${props.state}`}
      data-testid="connection-state"
      data-state={props.state}
    >
      <span className="state-pill-dot" aria-hidden="true" />
      {t(`states.${props.state}`)}
      {retry && <span className="state-pill-retry"> · {retry}</span>}
    </span>
  );
}
