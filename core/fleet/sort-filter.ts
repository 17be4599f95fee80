/** Ordering and filtering of a fleet's engines for the fleet view. */

/** One engine as the fleet view lists it. */
export interface FleetEngine {
  unit: number;
  /** Cycles recorded. */
  cycles: number;
  /** Predicted remaining life, cycles; null without a model. */
  rul: number | null;
  /** Standard deviation of the prediction, cycles; null without a model. */
  rulStd: number | null;
  /** Health deviation from the fleet's early-life baseline (RMS z-score). */
  anomaly: number;
}

export type FleetSortKey = 'rul' | 'rul-desc' | 'uncertainty' | 'anomaly' | 'unit';

export interface FleetFilter {
  /** Keep engines whose predicted RUL is below this many cycles. */
  rulBelow?: number | undefined;
  /** Keep engines whose prediction σ is at least this many cycles. */
  uncertaintyAbove?: number | undefined;
}

const byUnit = (a: FleetEngine, b: FleetEngine) => a.unit - b.unit;

/** Compares nullable numbers with missing values last, whatever the direction. */
function nullableCompare(a: number | null, b: number | null, dir: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * dir;
}

/** A sorted copy; ties are broken by unit number so the order is stable between ticks. */
export function sortEngines(engines: readonly FleetEngine[], key: FleetSortKey): FleetEngine[] {
  const out = [...engines];
  const cmp: (a: FleetEngine, b: FleetEngine) => number =
    key === 'rul'
      ? (a, b) => nullableCompare(a.rul, b.rul, 1)
      : key === 'rul-desc'
        ? (a, b) => nullableCompare(a.rul, b.rul, -1)
        : key === 'uncertainty'
          ? (a, b) => nullableCompare(a.rulStd, b.rulStd, -1)
          : key === 'anomaly'
            ? (a, b) => b.anomaly - a.anomaly
            : () => 0;
  return out.sort((a, b) => cmp(a, b) || byUnit(a, b));
}

/** Engines passing every set criterion; an engine without a prediction fails RUL and σ criteria. */
export function filterEngines(engines: readonly FleetEngine[], filter: FleetFilter): FleetEngine[] {
  const { rulBelow, uncertaintyAbove } = filter;
  return engines.filter(
    (e) =>
      (rulBelow === undefined || (e.rul !== null && e.rul < rulBelow)) &&
      (uncertaintyAbove === undefined || (e.rulStd !== null && e.rulStd >= uncertaintyAbove)),
  );
}
