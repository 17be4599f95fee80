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
  meta: {
    asset: string;
    trainedOn: string;
    createdAt: string;
    data?: { source: string; fromMs: number; toMs: number };
  };
}

export interface NormalTrainProgress {
  /** The step just finished, in words (from trainNormalModel). */
  step: string;
  /** 0..1 over the whole training. */
  fraction: number;
  elapsedMs: number;
}

export interface NormalTrainOutcome {
  cancelled: boolean;
  /** The trained card (its training record holds the held-out false alarms); null when cancelled. */
  card: NormalModelCard | null;
  elapsedMs: number;
}

/** The model's verdict on the newest row it scored. */
export interface NormalRowVerdict {
  score: number;
  alarm: boolean;
  /** Signed deviation per model tag (model tag order), z units. */
  contributions: number[];
}
