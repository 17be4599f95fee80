import type { AssetDefinition } from '../asset/schema';

/** A tag the optimiser should hold near a target; the weight multiplies its squared error in spans. */
export interface TagTarget {
  tagId: string;
  target: number;
  weight: number;
}

export interface ObjectiveSpec {
  targets: readonly TagTarget[];
  /** Cost per kWh the motor draws over the horizon. */
  energyWeight: number;
  /** Cost per sample-mean of squared excursion beyond an alarm limit (in spans); trips cost ten times more. */
  constraintWeight?: number;
}

/**
 * J = Σ wᵢ·mean((xᵢ − targetᵢ)/spanᵢ)² + energyWeight·kWh + penalties for time beyond alarm and trip limits.
 * Errors are in fractions of the tag's range so weights compare across units.
 */
export class Objective {
  private readonly targetIdx: { i: number; target: number; weight: number; span: number }[];
  private readonly limits: { i: number; high: boolean; limit: number; span: number; factor: number }[] = [];
  private readonly powerIdx: number;
  private sumSq: number[];
  private penalty = 0;
  private energyKWh = 0;
  private samples = 0;

  constructor(
    asset: AssetDefinition,
    private readonly spec: ObjectiveSpec,
  ) {
    this.targetIdx = spec.targets.map((t, k) => {
      const i = asset.tags.findIndex((x) => x.id === t.tagId);
      if (i < 0) throw new Error(`targets[${k}].tagId: unknown tag "${t.tagId}"`);
      const tag = asset.tags[i];
      const span = tag ? tag.range[1] - tag.range[0] : 1;
      return { i, target: t.target, weight: t.weight, span };
    });
    asset.tags.forEach((tag, i) => {
      const span = tag.range[1] - tag.range[0];
      const add = (limit: number | undefined, high: boolean, factor: number) => {
        if (limit !== undefined) this.limits.push({ i, high, limit, span, factor });
      };
      add(tag.alarm?.high, true, 1);
      add(tag.alarm?.low, false, 1);
      add(tag.trip?.high, true, 10);
      add(tag.trip?.low, false, 10);
    });
    this.powerIdx = asset.tags.findIndex((t) => t.id === 'motor_power');
    this.sumSq = this.targetIdx.map(() => 0);
  }

  reset(): void {
    this.sumSq = this.targetIdx.map(() => 0);
    this.penalty = 0;
    this.energyKWh = 0;
    this.samples = 0;
  }

  add(dtS: number, values: Float32Array): void {
    this.samples++;
    this.targetIdx.forEach((t, k) => {
      const v = values[t.i] ?? Number.NaN;
      if (Number.isFinite(v)) this.sumSq[k] = (this.sumSq[k] ?? 0) + ((v - t.target) / t.span) ** 2;
    });
    for (const l of this.limits) {
      const v = values[l.i] ?? Number.NaN;
      if (!Number.isFinite(v)) continue;
      const over = l.high ? v - l.limit : l.limit - v;
      if (over > 0) this.penalty += l.factor * (0.01 + (over / l.span) ** 2);
    }
    const p = values[this.powerIdx] ?? Number.NaN;
    if (Number.isFinite(p)) this.energyKWh += (p * dtS) / 3600;
  }

  /** The objective of the samples added since reset. */
  value(): number {
    const n = Math.max(1, this.samples);
    let j = 0;
    this.targetIdx.forEach((t, k) => (j += (t.weight * (this.sumSq[k] ?? 0)) / n));
    return (
      j + this.spec.energyWeight * this.energyKWh + (this.spec.constraintWeight ?? 100) * (this.penalty / n)
    );
  }
}
