import type { WhatIfKpis } from '../../../../../core/scenario/whatif-request';
import type { WhatIfRunResult } from '../../../../../core/api/domains/whatif';

const minutes = (s: number | null, none = '—') =>
  s === null
    ? none
    : s < 120
      ? `${Math.round(s)} s`
      : s < 7200
        ? `${(s / 60).toFixed(0)} min`
        : `${(s / 3600).toFixed(1)} h`;
const fixed = (d: number) => (v: number | null) => (v === null ? '—' : v.toFixed(d));
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

const ROWS: {
  key: keyof WhatIfKpis;
  label: string;
  fmt: (v: number | null) => string;
  unit: string;
  better: 'lower' | 'higher';
}[] = [
  { key: 'timeToFirstAlarmS', label: 'Time to first alarm', fmt: minutes, unit: '', better: 'higher' },
  {
    key: 'timeToTripS',
    label: 'Time to trip',
    fmt: (s) => minutes(s, 'none in horizon'),
    unit: '',
    better: 'higher',
  },
  { key: 'energyKWh', label: 'Energy used', fmt: fixed(1), unit: 'kWh', better: 'lower' },
  { key: 'deliveredM3', label: 'Delivered volume', fmt: fixed(0), unit: 'm³', better: 'higher' },
  {
    key: 'bearingTempAtHorizonC',
    label: 'Bearing temp. at horizon',
    fmt: fixed(1),
    unit: '°C',
    better: 'lower',
  },
  {
    key: 'peakBearingTempC',
    label: 'Peak bearing temp. after fork',
    fmt: fixed(1),
    unit: '°C',
    better: 'lower',
  },
  {
    key: 'failureProbability',
    label: 'Failure prob. (trip in horizon)',
    fmt: pct,
    unit: '',
    better: 'lower',
  },
  {
    // The physics run on past the horizon to the first trip: the event the health model's RUL counts down to.
    key: 'remainingUsefulLifeS',
    label: 'Time to trip, look-ahead (RUL)',
    fmt: (s) => minutes(s, 'no trip found'),
    unit: '',
    better: 'higher',
  },
];

/** KPIs of doing nothing against the plan, with the change; the better direction is marked, not colored. */
export function KpiTable({ result }: { result: WhatIfRunResult }) {
  const b = result.baseline.kpis;
  const s = result.scenario.kpis;
  return (
    <table className="kpi-table" data-testid="whatif-kpis">
      <thead>
        <tr>
          <th>KPI</th>
          <th>Do nothing</th>
          <th>Plan</th>
          <th>Δ</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((r) => {
          const raw = result.deltas[r.key] ?? null;
          // A change that rounds to nothing at the shown precision is no change.
          const d = raw !== null && /^[0.]+$/.test(r.fmt(Math.abs(raw))) ? 0 : raw;
          const better = d !== null && d !== 0 && (r.better === 'lower' ? d < 0 : d > 0);
          return (
            <tr key={r.key} data-kpi={r.key}>
              <td>{r.label}</td>
              <td className="num">
                {r.fmt(b[r.key] as number | null)} {r.unit}
              </td>
              <td className="num">
                {r.fmt(s[r.key] as number | null)} {r.unit}
              </td>
              <td className="num" title={better ? 'better' : d ? 'worse' : ''}>
                {d === null || d === 0
                  ? ''
                  : `${d > 0 ? '+' : '−'}${r.fmt(Math.abs(d))}${better ? ' ▲' : ' ▼'}`}
              </td>
            </tr>
          );
        })}
      </tbody>
      <caption className="muted">
        {s.firstAlarmTag ? `First alarm: ${s.firstAlarmTag}. ` : ''}Failure probability over {s.ensembleSize}{' '}
        member
        {s.ensembleSize === 1 ? '' : 's'} (noise and fault growth varied). ▲ better ▼ worse.
      </caption>
    </table>
  );
}
