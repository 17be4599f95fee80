import type { Alarm } from '../alarms/types';
import type { AssetDefinition } from '../asset/schema';
import type { WhatIfKpis } from './whatif-request';

/** Tags the KPIs are read from; an asset without one of them gets null for that KPI. */
export const KPI_TAGS = {
  power: 'motor_power',
  flow: 'flow',
  bearingTemps: ['bearing_de_temp', 'bearing_nde_temp'],
} as const;

/** Unit factors to kW and m³/h for the units these tags may carry. */
const TO_KW: Record<string, number> = { kW: 1, W: 0.001, MW: 1000 };
const TO_M3H: Record<string, number> = { m3h: 1, 'm3/h': 1, 'm³/h': 1, 'L/s': 3.6, 'm3/s': 3600 };

/** Accumulates the KPIs of one rollout sample by sample (energy and volume by the rectangle rule). */
export class KpiAccumulator {
  private readonly powerIdx: number;
  private readonly flowIdx: number;
  private readonly bearingIdx: number[];
  private readonly powerFactor: number;
  private readonly flowFactor: number;
  private energyKWh = 0;
  private deliveredM3 = 0;
  private peakBearing = -Infinity;
  private lastBearing = Number.NaN;
  firstAlarm: { tS: number; tagId: string } | null = null;
  firstTrip: { tS: number; tagId: string } | null = null;

  constructor(asset: AssetDefinition) {
    const idx = (id: string) => asset.tags.findIndex((t) => t.id === id);
    this.powerIdx = idx(KPI_TAGS.power);
    this.flowIdx = idx(KPI_TAGS.flow);
    this.bearingIdx = KPI_TAGS.bearingTemps.map(idx).filter((i) => i >= 0);
    this.powerFactor = TO_KW[asset.tags[this.powerIdx]?.unit ?? 'kW'] ?? 1;
    this.flowFactor = TO_M3H[asset.tags[this.flowIdx]?.unit ?? 'm3/h'] ?? 1;
  }

  /** Adds one sample that stands for the dtS seconds before it. */
  add(dtS: number, values: Float32Array): void {
    const p = values[this.powerIdx] ?? Number.NaN;
    if (Number.isFinite(p)) this.energyKWh += (p * this.powerFactor * dtS) / 3600;
    const q = values[this.flowIdx] ?? Number.NaN;
    if (Number.isFinite(q)) this.deliveredM3 += (Math.max(0, q) * this.flowFactor * dtS) / 3600;
    let hottest = Number.NaN;
    for (const i of this.bearingIdx) {
      const v = values[i] ?? Number.NaN;
      if (Number.isFinite(v) && v > this.peakBearing) this.peakBearing = v;
      if (Number.isFinite(v) && !(v <= hottest)) hottest = v;
    }
    if (Number.isFinite(hottest)) this.lastBearing = hottest;
  }

  /** Notes alarms raised at tS (seconds after the fork). */
  noteAlarms(tS: number, raised: readonly Alarm[]): void {
    for (const a of raised) {
      this.firstAlarm ??= { tS, tagId: a.tagId };
      if (a.kind.startsWith('trip')) this.firstTrip ??= { tS, tagId: a.tagId };
    }
  }

  result(
    extra: Pick<WhatIfKpis, 'failureProbability' | 'ensembleSize' | 'remainingUsefulLifeS'>,
  ): WhatIfKpis {
    return {
      timeToFirstAlarmS: this.firstAlarm?.tS ?? null,
      firstAlarmTag: this.firstAlarm?.tagId ?? null,
      timeToTripS: this.firstTrip?.tS ?? null,
      firstTripTag: this.firstTrip?.tagId ?? null,
      energyKWh: this.powerIdx >= 0 ? this.energyKWh : null,
      deliveredM3: this.flowIdx >= 0 ? this.deliveredM3 : null,
      peakBearingTempC: Number.isFinite(this.peakBearing) ? this.peakBearing : null,
      bearingTempAtHorizonC: Number.isFinite(this.lastBearing) ? this.lastBearing : null,
      ...extra,
    };
  }
}

/** Differences scenario − baseline of the numeric KPIs (null where either side is null). */
export function kpiDeltas(
  baseline: WhatIfKpis,
  scenario: WhatIfKpis,
): Partial<Record<keyof WhatIfKpis, number | null>> {
  const keys: (keyof WhatIfKpis)[] = [
    'timeToFirstAlarmS',
    'timeToTripS',
    'energyKWh',
    'deliveredM3',
    'peakBearingTempC',
    'bearingTempAtHorizonC',
    'failureProbability',
    'remainingUsefulLifeS',
  ];
  const out: Partial<Record<keyof WhatIfKpis, number | null>> = {};
  for (const k of keys) {
    const a = baseline[k];
    const b = scenario[k];
    out[k] = typeof a === 'number' && typeof b === 'number' ? b - a : null;
  }
  return out;
}
