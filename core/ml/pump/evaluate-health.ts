/**
 * Health-model figures on a set of episodes under a warning rule (detection score kind, threshold,
 * debounce): detection ROC-AUC, false alarms per 24 h of healthy running, warning lead time against the asset's fixed alarm limits (AlarmEngine on the same
 * samples), fault-type macro-F1 and RUL error.
 */
import type * as tf from '@tensorflow/tfjs';
import { AlarmEngine } from '../../alarms/alarm-engine';
import type { AssetDefinition } from '../../asset/schema';
import type { SampleFrame } from '../../data/frame';
import { confusionMatrix, macroF1, precisionRecallF1, rmse, rocAuc } from '../metrics';
import { detectionScoresOf, type WarningRule } from './detection-score';
import type { EpisodeRun } from './episodes';
import { baselineOptions, healthInputs, healthWindows, pumpFrame, type HealthInputSpec } from './features';
import {
  argmaxRows,
  detectionAucByFault,
  falseAlarmsPerDay,
  median,
  warningStarts,
  windowLabels,
  type WindowLabels,
} from './health-metrics';
import { rulCoverage } from './rul-calibration';
import { predictBatched } from './train-loop';
import { FAULT_CLASSES, PUMP_TAGS, SAMPLE_PERIOD_S } from './spec';

/** What evaluation needs of one episode. */
export interface PumpEpisode {
  id: number;
  kind: 'healthy' | 'plant' | 'sensor';
  faultId: string | null;
  onsetRow: number;
  rows: number;
  /** Cleaned PAST_VALUE_CHANNELS frame. */
  frame: SampleFrame;
  /** Raw measured tags [rows, PUMP_TAGS]. */
  tags: Float32Array;
  controls: Float32Array;
  faultClass: Uint8Array;
  rulHours: Float32Array;
}

export function episodeFromRun(run: EpisodeRun, asset: AssetDefinition): PumpEpisode {
  return {
    id: run.plan.id,
    kind: run.plan.kind,
    faultId: run.plan.faultId,
    onsetRow: run.plan.onsetRow,
    rows: run.rows,
    frame: pumpFrame(run.tags, run.controls, run.rows, asset.tags),
    tags: run.tags,
    controls: run.controls,
    faultClass: run.faultClass,
    rulHours: run.rulHours,
  };
}

export interface HealthOutputs {
  count: number;
  anomaly: Float32Array;
  faultProbs: Float32Array;
  rul: Float32Array;
  labels: WindowLabels;
  frameIndex: Int32Array;
  endRow: Int32Array;
}

export function predictHealth(
  model: tf.LayersModel,
  episodes: readonly PumpEpisode[],
  spec: HealthInputSpec,
  stride: number,
): HealthOutputs {
  const w = healthWindows(
    episodes.map((e) => e.frame),
    spec.normalization,
    stride,
    baselineOptions(spec),
  );
  const [anomaly, faultProbs, rul] = predictBatched(model, healthInputs(model.inputs.length, w), w.count);
  return {
    count: w.count,
    anomaly: anomaly!,
    faultProbs: faultProbs!,
    rul: rul!,
    labels: windowLabels(w.frameIndex, w.endRow, episodes),
    frameIndex: w.frameIndex,
    endRow: w.endRow,
  };
}

/** Rows since onset at which the fixed alarm limits first raise an alarm, or null. */
function firstAlarmRow(e: PumpEpisode, asset: AssetDefinition): number | null {
  const engine = new AlarmEngine(asset);
  const T = PUMP_TAGS.length;
  const q = new Uint8Array(T);
  for (let r = e.onsetRow; r < e.rows; r++) {
    const v = e.tags.subarray(r * T, (r + 1) * T);
    for (let j = 0; j < T; j++) q[j] = Number.isFinite(v[j]!) ? 0 : 3;
    engine.evaluate(v, q, r * SAMPLE_PERIOD_S * 1000, 0);
    if (engine.snapshot().some((a) => a.active)) return r;
  }
  return null;
}

export interface HealthMetrics {
  detectionRocAuc: number;
  /**
   * Detection ROC-AUC per injected fault (plant faults and each sensor-fault kind): the healthy windows
   * against that fault's windows, to show which faults the overall figure loses on.
   */
  detectionRocAucByFault: Record<string, number>;
  falseAlarmsPer24h: number;
  healthyHours: number;
  faultTypeMacroF1: number;
  confusion: number[][];
  perClassF1: Record<string, number>;
  rulRmseHours: number;
  rulRmseFraction: number;
  rulIntervalCoverage: number;
  leadTimeHoursMedian: Record<string, number | null>;
  leadTimeDetail: Record<string, { episode: number; warnHours: number | null; alarmHours: number | null }[]>;
}

export function healthMetrics(
  out: HealthOutputs,
  episodes: readonly PumpEpisode[],
  asset: AssetDefinition,
  rule: WarningRule,
  stride: number,
): HealthMetrics {
  const n = out.count;
  const { threshold, debounce } = rule;
  const scores = detectionScoresOf(rule.score, out.anomaly, out.faultProbs, n);
  const isFault = Int32Array.from(out.labels.faultClass, (c) => (c > 0 ? 1 : 0));
  const predCls = argmaxRows(out.faultProbs, n);
  const classes = FAULT_CLASSES.map((_, k) => k);
  const perClassF1: Record<string, number> = {};
  FAULT_CLASSES.forEach((c, k) => (perClassF1[c] = precisionRecallF1(predCls, out.labels.faultClass, k).f1));

  // RUL: median estimate exp(μ) − 1, interval exp(μ ± σ) − 1.
  const rp: number[] = [];
  const rt: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = out.labels.logRul[i]!;
    if (!Number.isFinite(y) || out.labels.faultClass[i] === 0) continue;
    rp.push(Math.expm1(out.rul[i * 2]!));
    rt.push(Math.expm1(y));
  }
  const rulRmse = rmse(rp, rt);
  const meanTrue = rt.reduce((a, b) => a + b, 0) / Math.max(1, rt.length);

  // Score sequences per episode: healthy stretches for false alarms, post-onset for warnings.
  const stepHours = (stride * SAMPLE_PERIOD_S) / 3600;
  const byEp = episodes.map(() => [] as { row: number; s: number }[]);
  for (let i = 0; i < n; i++) byEp[out.frameIndex[i]!]!.push({ row: out.endRow[i]!, s: scores[i]! });
  const healthy: number[][] = [];
  const leadDetail: HealthMetrics['leadTimeDetail'] = {};
  episodes.forEach((e, k) => {
    const seq = byEp[k]!;
    healthy.push(seq.filter((x) => x.row < e.onsetRow).map((x) => x.s));
    if (e.kind !== 'plant' || e.faultId === null) return;
    const post = seq.filter((x) => x.row >= e.onsetRow);
    const w = warningStarts(
      post.map((x) => x.s),
      threshold,
      debounce,
    )[0];
    const alarm = firstAlarmRow(e, asset);
    (leadDetail[e.faultId] ??= []).push({
      episode: e.id,
      warnHours: w === undefined ? null : round((post[w]!.row - e.onsetRow) / 60),
      alarmHours: alarm === null ? null : round((alarm - e.onsetRow) / 60),
    });
  });
  const leadMedian: Record<string, number | null> = {};
  for (const [f, list] of Object.entries(leadDetail)) {
    // Lead = alarm time − warning time; where no alarm is ever raised, the episode's end bounds it.
    const leads = list
      .filter((d) => d.warnHours !== null)
      .map((d) => {
        const ep = episodes.find((e) => e.id === d.episode)!;
        const alarmH = d.alarmHours ?? (ep.rows - ep.onsetRow) / 60;
        return alarmH - d.warnHours!;
      });
    leadMedian[f] = leads.length > 0 ? round(median(leads)) : null;
  }
  const byFault = detectionAucByFault(
    scores,
    isFault,
    Array.from(out.frameIndex, (k) => episodes[k]!.faultId),
  );
  return {
    detectionRocAuc: rocAuc(scores, isFault),
    detectionRocAucByFault: byFault,
    falseAlarmsPer24h: falseAlarmsPerDay(healthy, threshold, stepHours, debounce),
    healthyHours: round(healthy.reduce((a, s) => a + s.length, 0) * stepHours),
    faultTypeMacroF1: macroF1(predCls, out.labels.faultClass, classes),
    confusion: confusionMatrix(predCls, out.labels.faultClass, FAULT_CLASSES.length),
    perClassF1,
    rulRmseHours: rulRmse,
    rulRmseFraction: rulRmse / meanTrue,
    rulIntervalCoverage: rulCoverage(out.rul, out.labels.logRul, out.labels.faultClass, n),
    leadTimeHoursMedian: leadMedian,
    leadTimeDetail: leadDetail,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
