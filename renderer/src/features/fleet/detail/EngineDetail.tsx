import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CMAPSS_SENSOR_NAMES, CMAPSS_SENSOR_TAG_IDS } from '../../../../../core/data/cmapss';
import { formatDecimals } from '../../../i18n/number-format';
import { formatRul } from '../format';
import { closeEngine } from '../open-engine';
import { useEngineAtCycle } from '../engine-view/engine-state';
import { useFleet } from '../fleet-store';
import { DriverList } from './DriverList';
import { RulChart } from './RulChart';
import { SensorChart } from './SensorChart';

/** HPC outlet temperature: the sensor HPC degradation moves most plainly. */
const DEFAULT_SENSOR = 3;

/** The opened engine: remaining life now and over its cycles, what drives it, its sensor history. */
export function EngineDetail() {
  const { t } = useTranslation('fleet');
  const unit = useFleet((s) => s.selectedUnit);
  const detail = useFleet((s) => s.detail);
  const engine = useFleet((s) => s.engines.find((e) => e.unit === s.selectedUnit) ?? null);
  const problem = useFleet((s) => s.modelProblem);
  const summary = useFleet((s) => (s.subset ? s.fleets[s.subset] : undefined));
  const at = useEngineAtCycle();
  const [sensor, setSensor] = useState(DEFAULT_SENSOR);
  const tags = useMemo(() => new Map(summary?.asset.tags.map((tag) => [tag.id, tag]) ?? []), [summary]);
  if (unit === null) return null;
  const names = new Map(summary?.asset.components.map((c) => [c.id, c.name]) ?? []);
  const deviations = [...(at?.componentDeviation ?? [])].sort((a, b) => b[1] - a[1]);
  const tag = tags.get(CMAPSS_SENSOR_TAG_IDS[sensor - 1] ?? '');
  const shownCycle = at?.cycle ?? 0;

  return (
    <aside className="fleet-detail" data-testid="fleet-detail" aria-label={t('detail.engine', { unit })}>
      <header className="fleet-detail-head">
        <h2>{t('detail.engine', { unit })}</h2>
        <button type="button" className="icon-button" aria-label={t('detail.close')} onClick={closeEngine}>
          ×
        </button>
      </header>
      <dl className="fleet-facts">
        <dt>{t('detail.remainingLife')}</dt>
        <dd className="num" data-testid="fleet-detail-rul">
          {formatRul(engine?.rul ?? null, engine?.rulStd ?? null)}
        </dd>
        <dt>{t('detail.cyclesRecorded')}</dt>
        <dd className="num">{engine?.cycles ?? '—'}</dd>
        <dt>{t('detail.healthDeviation')}</dt>
        <dd className="num">{engine ? `${formatDecimals(engine.anomaly, 2)} σ` : '—'}</dd>
      </dl>
      {!detail && <p className="muted">{t('detail.loading', { unit })}</p>}
      {detail && (
        <>
          <h3>{t('detail.lifeOverCycles')}</h3>
          {detail.trajectory ? (
            <RulChart cycles={detail.cycles} {...detail.trajectory} cursorCycle={shownCycle} />
          ) : (
            <p className="muted" data-testid="fleet-no-model">
              {problem?.() ?? t('detail.noModel')}
            </p>
          )}
          {detail.drivers && (
            <>
              <h3>{t('detail.drivers')}</h3>
              <DriverList drivers={detail.drivers} />
            </>
          )}
          <h3>{t('detail.partsAtCycle', { cycle: shownCycle })}</h3>
          <ul className="fleet-parts">
            {deviations.slice(0, 4).map(([id, z]) => (
              <li key={id}>
                <span>{names.get(id) ?? id}</span>
                <span className="num">{formatDecimals(z, 1)} σ</span>
              </li>
            ))}
          </ul>
          <h3>
            <label>
              {t('detail.sensorHistory')}{' '}
              <select
                data-testid="fleet-sensor-select"
                value={sensor}
                onChange={(e) => setSensor(Number(e.target.value))}
              >
                {CMAPSS_SENSOR_NAMES.map((n, k) => (
                  <option key={n} value={k + 1}>
                    {n} — {tags.get(CMAPSS_SENSOR_TAG_IDS[k] ?? '')?.name ?? t('detail.sensor', { n: k + 1 })}
                  </option>
                ))}
              </select>
            </label>
          </h3>
          <SensorChart
            cycles={detail.cycles}
            values={detail.sensors[sensor - 1]!}
            label={CMAPSS_SENSOR_NAMES[sensor - 1]!}
            unit={tag?.unit ?? ''}
          />
        </>
      )}
    </aside>
  );
}
