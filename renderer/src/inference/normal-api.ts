/** Types of the normal-behaviour model's worker requests, shared by the page, the protocol and the worker. */
import type { TagDefinition } from '../../../core/asset/schema';
import type { SampleFrame } from '../../../core/data/frame';
import type { NormalModelCard } from '../../../core/ml/normal/card';
import type { NormalModelOptions } from '../../../core/ml/normal/options';

export interface NormalTrainRequest {
  jobId: string;
  /** Rows of normal running, one column per tag; `t` in epoch seconds. */
  frame: SampleFrame;
  tags: TagDefinition[];
  options: Partial<NormalModelOptions>;
  /** What the card records about where the model comes from. */
  meta: { asset: string; trainedOn: string; createdAt: string };
}

export interface NormalTrainProgress {
  phase: 'held-out check' | 'fitting';
  /** 0..1 over the whole training. */
  fraction: number;
  elapsedMs: number;
}

/**
 * Alarms a model fitted on the first part of the rows raises on the held-out rest (normal running, so every
 * one is false), scored causally from the raw rows as live scoring would.
 */
export interface NormalHeldOutCheck {
  rows: number;
  /** Held-out rows marked in alarm, and alarms raised (latch rising edges). */
  alarmRows: number;
  alarms: number;
  /** Alarms per 24 h of held-out running at the sample rate. */
  falseAlarmsPer24h: number;
  /** Largest held-out score and the threshold it was compared with. */
  maxScore: number;
  threshold: number;
}

export interface NormalTrainOutcome {
  cancelled: boolean;
  card: NormalModelCard | null;
  /** Null when the rows are too few to fit a check model on part of them. */
  heldOut: NormalHeldOutCheck | null;
  elapsedMs: number;
}

/** The model's verdict on the newest row it scored. */
export interface NormalRowVerdict {
  score: number;
  alarm: boolean;
  /** Signed deviation per model tag (model tag order), z units. */
  contributions: number[];
}
