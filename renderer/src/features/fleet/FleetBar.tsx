import { useTranslation } from 'react-i18next';
import type { FleetSortKey } from '../../../../core/fleet/sort-filter';
import { CMAPSS_SUBSETS, type CmapssSubset } from '../../../../core/fleet/subset';
import { setFleetCycle } from './fleet-predict';
import { showSubset } from './fleet-session';
import { setFilter, setFleetColorBy, setSortKey, useFleet, type FleetColorBy } from './fleet-store';

const SORTS: readonly FleetSortKey[] = ['rul', 'rul-desc', 'uncertainty', 'anomaly', 'unit'];

const numberOrUndefined = (text: string): number | undefined => {
  const v = Number(text);
  return text.trim() === '' || !Number.isFinite(v) ? undefined : v;
};

/** Sort and filter bar of the fleet view: data set, order, RUL and uncertainty filters, color and cycle. */
export function FleetBar({ shown, total, maxCycle }: { shown: number; total: number; maxCycle: number }) {
  const { t } = useTranslation('fleet');
  const fleets = useFleet((s) => s.fleets);
  const subset = useFleet((s) => s.subset);
  const sortKey = useFleet((s) => s.sortKey);
  const filter = useFleet((s) => s.filter);
  const colorBy = useFleet((s) => s.colorBy);
  const cycle = useFleet((s) => s.cycle);

  return (
    <div className="fleet-bar" role="toolbar" aria-label={t('bar.label')}>
      <label className="toolbar-field">
        <span>{t('bar.dataSet')}</span>
        <select
          data-testid="fleet-subset"
          value={subset ?? ''}
          onChange={(e) => void showSubset(e.target.value as CmapssSubset)}
        >
          {CMAPSS_SUBSETS.map((s) => (
            <option key={s} value={s} disabled={!fleets[s]}>
              {fleets[s]
                ? t('bar.engines', { subset: s, count: fleets[s].units.length })
                : t('bar.notImported', { subset: s })}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>{t('bar.sort')}</span>
        <select
          data-testid="fleet-sort"
          value={sortKey}
          onChange={(e) => setSortKey(e.target.value as FleetSortKey)}
        >
          {SORTS.map((key) => (
            <option key={key} value={key}>
              {t(`bar.sorts.${key}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>{t('bar.rulBelow')}</span>
        <input
          type="number"
          min={0}
          step={5}
          className="fleet-number"
          data-testid="fleet-rul-below"
          placeholder={t('bar.any')}
          value={filter.rulBelow ?? ''}
          onChange={(e) => setFilter({ ...filter, rulBelow: numberOrUndefined(e.target.value) })}
        />
        <span>{t('bar.cycles')}</span>
      </label>
      <label className="toolbar-field">
        <span>{t('bar.sigmaAtLeast')}</span>
        <input
          type="number"
          min={0}
          step={1}
          className="fleet-number"
          data-testid="fleet-uncertainty"
          placeholder={t('bar.any')}
          value={filter.uncertaintyAbove ?? ''}
          onChange={(e) => setFilter({ ...filter, uncertaintyAbove: numberOrUndefined(e.target.value) })}
        />
        <span>{t('bar.cycles')}</span>
      </label>
      <label className="toolbar-field">
        <span>{t('bar.colour')}</span>
        <select
          data-testid="fleet-color-by"
          value={colorBy}
          onChange={(e) => setFleetColorBy(e.target.value as FleetColorBy)}
        >
          <option value="rul">{t('bar.predictedRul')}</option>
          <option value="anomaly">{t('bar.healthDeviation')}</option>
        </select>
      </label>
      <label className="toolbar-field fleet-cycle">
        <span>{t('bar.cycle')}</span>
        <input
          type="range"
          min={1}
          max={Math.max(1, maxCycle)}
          value={cycle ?? maxCycle}
          data-testid="fleet-cycle"
          aria-label={t('bar.cycleShown')}
          onChange={(e) => {
            const v = Number(e.target.value);
            setFleetCycle(v >= maxCycle ? null : v);
          }}
        />
        <span className="num">{cycle === null ? t('bar.last') : cycle}</span>
      </label>
      <span className="toolbar-spacer" />
      <span className="muted" data-testid="fleet-count">
        {t('bar.count', { shown, total })}
      </span>
    </div>
  );
}
