import type { FleetSortKey } from '../../../../core/fleet/sort-filter';
import { CMAPSS_SUBSETS, type CmapssSubset } from '../../../../core/fleet/subset';
import { setFleetCycle } from './fleet-predict';
import { showSubset } from './fleet-session';
import { setFilter, setFleetColorBy, setSortKey, useFleet, type FleetColorBy } from './fleet-store';

const SORTS: { key: FleetSortKey; label: string }[] = [
  { key: 'rul', label: 'RUL, shortest first' },
  { key: 'rul-desc', label: 'RUL, longest first' },
  { key: 'uncertainty', label: 'Uncertainty, widest first' },
  { key: 'anomaly', label: 'Health deviation, worst first' },
  { key: 'unit', label: 'Unit number' },
];

const numberOrUndefined = (text: string): number | undefined => {
  const v = Number(text);
  return text.trim() === '' || !Number.isFinite(v) ? undefined : v;
};

/** Sort and filter bar of the fleet view: data set, order, RUL and uncertainty filters, color and cycle. */
export function FleetBar({ shown, total, maxCycle }: { shown: number; total: number; maxCycle: number }) {
  const fleets = useFleet((s) => s.fleets);
  const subset = useFleet((s) => s.subset);
  const sortKey = useFleet((s) => s.sortKey);
  const filter = useFleet((s) => s.filter);
  const colorBy = useFleet((s) => s.colorBy);
  const cycle = useFleet((s) => s.cycle);

  return (
    <div className="fleet-bar" role="toolbar" aria-label="Fleet sort and filter">
      <label className="toolbar-field">
        <span>Data set</span>
        <select
          data-testid="fleet-subset"
          value={subset ?? ''}
          onChange={(e) => void showSubset(e.target.value as CmapssSubset)}
        >
          {CMAPSS_SUBSETS.map((s) => (
            <option key={s} value={s} disabled={!fleets[s]}>
              {s}
              {fleets[s] ? ` (${fleets[s].units.length} engines)` : ' (not imported)'}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>Sort</span>
        <select
          data-testid="fleet-sort"
          value={sortKey}
          onChange={(e) => setSortKey(e.target.value as FleetSortKey)}
        >
          {SORTS.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>RUL below</span>
        <input
          type="number"
          min={0}
          step={5}
          className="fleet-number"
          data-testid="fleet-rul-below"
          placeholder="any"
          value={filter.rulBelow ?? ''}
          onChange={(e) => setFilter({ ...filter, rulBelow: numberOrUndefined(e.target.value) })}
        />
        <span>cycles</span>
      </label>
      <label className="toolbar-field">
        <span>σ at least</span>
        <input
          type="number"
          min={0}
          step={1}
          className="fleet-number"
          data-testid="fleet-uncertainty"
          placeholder="any"
          value={filter.uncertaintyAbove ?? ''}
          onChange={(e) => setFilter({ ...filter, uncertaintyAbove: numberOrUndefined(e.target.value) })}
        />
        <span>cycles</span>
      </label>
      <label className="toolbar-field">
        <span>Colour</span>
        <select
          data-testid="fleet-color-by"
          value={colorBy}
          onChange={(e) => setFleetColorBy(e.target.value as FleetColorBy)}
        >
          <option value="rul">Predicted RUL</option>
          <option value="anomaly">Health deviation</option>
        </select>
      </label>
      <label className="toolbar-field fleet-cycle">
        <span>Cycle</span>
        <input
          type="range"
          min={1}
          max={Math.max(1, maxCycle)}
          value={cycle ?? maxCycle}
          data-testid="fleet-cycle"
          aria-label="Cycle shown"
          onChange={(e) => {
            const v = Number(e.target.value);
            setFleetCycle(v >= maxCycle ? null : v);
          }}
        />
        <span className="num">{cycle === null ? 'last' : cycle}</span>
      </label>
      <span className="toolbar-spacer" />
      <span className="muted" data-testid="fleet-count">
        {shown} of {total} engines
      </span>
    </div>
  );
}
