/**
 * Health-model labels, calibration and the operating figures (the detection score is in
 * detection-score.ts): warnings with a debounce, false alarms per 24 h of healthy running, threshold choice, Platt scaling.
 */
import { rocAuc } from '../metrics';
import { ANOMALY_COMPONENTS, FAULT_CLASSES, RUL_CAP_HOURS, componentOfClass } from './spec';

export interface WindowLabels {
  count: number;
  /** [N, components] */
  anomaly: Float32Array;
  faultClass: Int32Array;
  /** ln(1 + RUL hours), NaN where undefined. */
  logRul: Float32Array;
}

/** Labels of windows ending at `endRow[n]` of episode `frameIndex[n]`. */
export function windowLabels(
  frameIndex: Int32Array,
  endRow: Int32Array,
  episodes: readonly { faultClass: Uint8Array; rulHours: Float32Array }[],
): WindowLabels {
  const n = frameIndex.length;
  const K = ANOMALY_COMPONENTS.length;
  const out: WindowLabels = {
    count: n,
    anomaly: new Float32Array(n * K),
    faultClass: new Int32Array(n),
    logRul: new Float32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const e = episodes[frameIndex[i]!]!;
    const cls = e.faultClass[endRow[i]!]!;
    out.faultClass[i] = cls;
    const c = componentOfClass(cls);
    if (c >= 0) out.anomaly[i * K + c] = 1;
    const r = e.rulHours[endRow[i]!]!;
    out.logRul[i] = Number.isFinite(r) ? Math.log1p(Math.min(r, RUL_CAP_HOURS)) : NaN;
  }
  return out;
}

/**
 * ROC-AUC of `scores` per fault: the healthy windows (isFault 0) against the faulty windows of episodes
 * with that fault (`faultOf[i]`: the fault of window i's episode, null for a healthy episode).
 */
export function detectionAucByFault(
  scores: ArrayLike<number>,
  isFault: ArrayLike<number>,
  faultOf: readonly (string | null)[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of new Set(faultOf.filter((x): x is string => x !== null))) {
    const idx: number[] = [];
    for (let i = 0; i < scores.length; i++)
      if (isFault[i] === 0 || (faultOf[i] === f && isFault[i] === 1)) idx.push(i);
    out[f] = rocAuc(
      Float32Array.from(idx, (i) => scores[i]!),
      Int32Array.from(idx, (i) => isFault[i]!),
    );
  }
  return out;
}

/** Rows (indices into `scores`) where a warning starts: `debounce` successive scores ≥ threshold. */
export function warningStarts(scores: ArrayLike<number>, threshold: number, debounce = 2): number[] {
  const starts: number[] = [];
  let run = 0;
  for (let i = 0; i < scores.length; i++) {
    run = scores[i]! >= threshold ? run + 1 : 0;
    if (run === debounce) starts.push(i);
  }
  return starts;
}

/** False alarms per 24 h over healthy sequences (scores evaluated every `stepHours`). */
export function falseAlarmsPerDay(
  healthy: readonly ArrayLike<number>[],
  threshold: number,
  stepHours: number,
  debounce = 2,
): number {
  let events = 0;
  let hours = 0;
  for (const s of healthy) {
    events += warningStarts(s, threshold, debounce).length;
    hours += s.length * stepHours;
  }
  return hours > 0 ? (24 * events) / hours : NaN;
}

/** Lowest threshold on a 0.01 grid whose false-alarm rate on `healthy` stays ≤ `maxPerDay`. */
export function chooseThreshold(
  healthy: readonly ArrayLike<number>[],
  stepHours: number,
  maxPerDay: number,
  debounce = 2,
): number {
  for (let t = 0.3; t < 0.995; t += 0.01)
    if (falseAlarmsPerDay(healthy, t, stepHours, debounce) <= maxPerDay) return Math.round(t * 100) / 100;
  return 0.99;
}

/** Platt scaling: a, b minimising the log loss of sigmoid(a·z + b) against Platt's smoothed labels (Newton steps). */
export function fitPlatt(logits: ArrayLike<number>, labels: ArrayLike<number>): { a: number; b: number } {
  // Platt's (1999) targets instead of 0/1: on classes the logits already separate, the 0/1 fit has no finite
  // optimum and a grows with every iteration (a = 60 once saturated a component, which blinded its "why").
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]! > 0.5 ? 1 : 0;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (labels.length - positives + 2);
  const target = (i: number) => (labels[i]! > 0.5 ? high : low);
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < logits.length; i++) {
      const u = a * logits[i]! + b;
      // log(1 + e^u) − t·u, computed without overflow.
      sum += Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u))) - target(i) * u;
    }
    return sum;
  };
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (let i = 0; i < logits.length; i++) {
      const z = logits[i]!;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const d = p - target(i);
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    let da = (hbb * ga - hab * gb) / det;
    let db = (haa * gb - hab * ga) / det;
    // Damped: halve the Newton step until the loss falls (a full step can overshoot far from the optimum).
    const before = loss(a, b);
    for (let h = 0; h < 30 && !(loss(a - da, b - db) <= before); h++) {
      da /= 2;
      db /= 2;
    }
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-7) break;
  }
  return { a, b };
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return Math.log(q / (1 - q));
}

/** Argmax of each row of a [N, classes] buffer. */
export function argmaxRows(probs: Float32Array, count: number, classes = FAULT_CLASSES.length): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (probs[i * classes + k]! > probs[i * classes + best]!) best = k;
    out[i] = best;
  }
  return out;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}
