/**
 * Whether the health model explains a detected plant fault with that fault's own evidence: for every test
 * window after onset where the model warns (the card's detection score ≥ its threshold), the "why" of the fault's
 * component (occlusion, `why.ts`) and whether its top tags include a signature tag of the fault.
 */
import type * as tf from '@tensorflow/tfjs';
import { BASELINE_FEATURES } from './baseline';
import { detectionScore, type WarningRule } from './detection-score';
import type { PumpEpisode } from './evaluate-health';
import { baselineOptions, healthInputs, healthWindows, type HealthInputSpec } from './features';
import { predictBatched } from './train-loop';
import { SIGNATURE_TAGS } from './signature-tags';
import {
  ANOMALY_COMPONENTS,
  FAULT_CLASSES,
  PAST_CHANNELS,
  PUMP_TAGS,
  WINDOW_LENGTH,
  componentOfClass,
} from './spec';
import { occlusionInputs, rankInfluences, WHY_TOP_TAGS } from './why';

export interface SignatureShare {
  /** Test episodes of the fault with at least one warning window. */
  detectedEpisodes: number;
  /** Share of those whose warning windows name a signature tag in the top tags in most (≥ half) of them. */
  episodeShare: number;
  /** Share of all their warning windows whose top tags include a signature tag. */
  windowShare: number;
  /** Tags named first, with how often (all warning windows of the fault). */
  topTags: Record<string, number>;
}

/** Per plant fault, how often the "why" names the fault's signature tags; `stride` rows between windows. */
export function signatureShares(
  model: tf.LayersModel,
  episodes: readonly PumpEpisode[],
  spec: HealthInputSpec,
  rule: Pick<WarningRule, 'score' | 'threshold'>,
  stride: number,
): Record<string, SignatureShare> {
  const per = WINDOW_LENGTH * PAST_CHANNELS;
  const A = ANOMALY_COMPONENTS.length;
  const K = FAULT_CLASSES.length;
  const rows = 1 + PUMP_TAGS.length;
  const out: Record<string, SignatureShare> = {};
  const perFault: Record<string, { hits: number; windows: number }[]> = {};
  for (const e of episodes) {
    if (e.kind !== 'plant' || e.faultId === null) continue;
    const signature = SIGNATURE_TAGS[e.faultId] ?? [];
    const a = componentOfClass(FAULT_CLASSES.indexOf(e.faultId));
    const w = healthWindows([e.frame], spec.normalization, stride, baselineOptions(spec));
    const [anomaly, faultProbs] = predictBatched(model, healthInputs(model.inputs.length, w), w.count);
    const tally = { hits: 0, windows: 0 };
    const top = (out[e.faultId] ??= {
      detectedEpisodes: 0,
      episodeShare: 0,
      windowShare: 0,
      topTags: {},
    }).topTags;
    for (let n = 0; n < w.count; n++) {
      if (w.endRow[n]! < e.onsetRow) continue;
      const score = detectionScore(
        rule.score,
        anomaly!.subarray(n * A, (n + 1) * A),
        faultProbs!.subarray(n * K, (n + 1) * K),
      );
      if (score < rule.threshold) continue;
      const occlusions = occlusionInputs({
        past: w.past.subarray(n * per, (n + 1) * per),
        baseline: w.baseline.subarray(n * BASELINE_FEATURES, (n + 1) * BASELINE_FEATURES),
      });
      const [occluded] = predictBatched(model, healthInputs(model.inputs.length, occlusions), rows);
      const why = rankInfluences(occluded!, A, a, WHY_TOP_TAGS);
      tally.windows++;
      if (why.some((x) => signature.includes(x.tagId))) tally.hits++;
      const first = why[0]?.tagId ?? '(none)';
      top[first] = (top[first] ?? 0) + 1;
    }
    (perFault[e.faultId] ??= []).push(tally);
  }
  for (const [fault, list] of Object.entries(perFault)) {
    const detected = list.filter((t) => t.windows > 0);
    const hits = detected.reduce((s, t) => s + t.hits, 0);
    const windows = detected.reduce((s, t) => s + t.windows, 0);
    out[fault] = {
      ...out[fault]!,
      detectedEpisodes: detected.length,
      episodeShare:
        detected.length > 0
          ? detected.filter((t) => t.hits >= 0.5 * t.windows).length / detected.length
          : NaN,
      windowShare: windows > 0 ? hits / windows : NaN,
    };
  }
  return out;
}
