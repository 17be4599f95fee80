import { i18n } from '../../../i18n/i18n';
import { formatDecimals } from '../../../i18n/number-format';

/** "+12 min", or hours past two hours: a time after the what-if's fork. */
export const formatAfterFork = (minutes: number): string =>
  minutes < 120
    ? i18n.t('whatif:time.afterForkMin', { value: Math.round(minutes) })
    : i18n.t('whatif:time.afterForkHours', { value: formatDecimals(minutes / 60, 1) });
