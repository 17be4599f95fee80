import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { WhatIfKpis } from '../../../../../core/scenario/whatif-request';
import type { WhatIfRunResult } from '../../../../../core/api/domains/whatif';

type T = TFunction<'whatif'>;

const duration =
  (none: 'noneInHorizon' | 'noTripFound' | null) =>
  (s: number | null, t: T): string =>
    s === null
      ? none
        ? t(`kpi.${none}`)
        : '—'
      : s < 120
        ? t('time.seconds', { value: Math.round(s) })
        : s < 7200
          ? t('time.minutes', { value: (s / 60).toFixed(0) })
          : t('time.hours', { value: (s / 3600).toFixed(1) });
const fixed = (d: number) => (v: number | null) => (v === null ? '—' : v.toFixed(d));
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

const ROWS: {
  key: Exclude<keyof WhatIfKpis, 'firstAlarmTag' | 'firstTripTag' | 'ensembleSize'>;
  fmt: (v: number | null, t: T) => string;
  unit: string;
  better: 'lower' | 'higher';
}[] = [
  { key: 'timeToFirstAlarmS', fmt: duration(null), unit: '', better: 'higher' },
  { key: 'timeToTripS', fmt: duration('noneInHorizon'), unit: '', better: 'higher' },
  { key: 'energyKWh', fmt: fixed(1), unit: 'kWh', better: 'lower' },
  { key: 'deliveredM3', fmt: fixed(0), unit: 'm³', better: 'higher' },
  { key: 'bearingTempAtHorizonC', fmt: fixed(1), unit: '°C', better: 'lower' },
  { key: 'peakBearingTempC', fmt: fixed(1), unit: '°C', better: 'lower' },
  { key: 'failureProbability', fmt: pct, unit: '', better: 'lower' },
  // The physics run on past the horizon to the first trip: the event the health model's RUL counts down to.
  { key: 'remainingUsefulLifeS', fmt: duration('noTripFound'), unit: '', better: 'higher' },
];

/** KPIs of doing nothing against the plan, with the change; the better direction is marked, not colored. */
export function KpiTable({ result }: { result: WhatIfRunResult }) {
  const { t } = useTranslation('whatif');
  const b = result.baseline.kpis;
  const s = result.scenario.kpis;
  return (
    <table className="kpi-table" data-testid="whatif-kpis">
      <thead>
        <tr>
          <th>{t('kpi.name')}</th>
          <th>{t('kpi.baseline')}</th>
          <th>{t('kpi.plan')}</th>
          <th>Δ</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((r) => {
          const raw = result.deltas[r.key] ?? null;
          // A change that rounds to nothing at the shown precision is no change.
          const d = raw !== null && /^[0.]+$/.test(r.fmt(Math.abs(raw), t)) ? 0 : raw;
          const better = d !== null && d !== 0 && (r.better === 'lower' ? d < 0 : d > 0);
          return (
            <tr key={r.key} data-kpi={r.key}>
              <td>{t(`kpi.${r.key}`)}</td>
              <td className="num">
                {r.fmt(b[r.key] as number | null, t)} {r.unit}
              </td>
              <td className="num">
                {r.fmt(s[r.key] as number | null, t)} {r.unit}
              </td>
              <td className="num" title={better ? t('kpi.better') : d ? t('kpi.worse') : ''}>
                {d === null || d === 0
                  ? ''
                  : `${d > 0 ? '+' : '−'}${r.fmt(Math.abs(d), t)}${better ? ' ▲' : ' ▼'}`}
              </td>
            </tr>
          );
        })}
      </tbody>
      <caption className="muted">
        {s.firstAlarmTag ? t('kpi.firstAlarm', { tag: s.firstAlarmTag }) : ''}
        {t('kpi.caption', { count: s.ensembleSize })}
      </caption>
    </table>
  );
}
