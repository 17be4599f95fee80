import { useTranslation } from 'react-i18next';
import { formatDecimals } from '../../../i18n/number-format';
import type { SensorDriver } from '../../../../../core/fleet/attribution';

/** "−12.3" takes life away, "+4.0" adds it; effects under 0.05 cycles read "0.0". */
const formatCycles = (c: number) =>
  Math.abs(c) < 0.05 ? '0.0' : `${c > 0 ? '−' : '+'}${Math.abs(c).toFixed(1)}`;

/** Sensors ranked by how much predicted life they take away (occlusion), as signed bars. */
export function DriverList({ drivers, limit = 6 }: { drivers: SensorDriver[]; limit?: number }) {
  const { t } = useTranslation('fleet');
  const top = drivers.slice(0, limit);
  const scale = Math.max(1, ...top.map((d) => Math.abs(d.cycles)));
  return (
    <ul className="fleet-drivers" data-testid="fleet-drivers">
      {top.map((d) => (
        <li
          key={d.name}
          title={t('detail.driverTitle', { sensor: d.name, cycles: formatDecimals(d.cycles, 1) })}
        >
          <span className="fleet-driver-name">{d.name}</span>
          <span className="fleet-driver-bar">
            <span
              className={d.cycles >= 0 ? 'takes' : 'adds'}
              style={{ width: `${(Math.abs(d.cycles) / scale) * 100}%` }}
            />
          </span>
          <span className="num">{formatCycles(d.cycles)}</span>
        </li>
      ))}
    </ul>
  );
}
