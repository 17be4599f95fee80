/**
 * The backend's predictive alarm for the running asset: loads the deployed normal-behaviour model (refusing a
 * card that does not fit the asset's tags), scores every live row with the same CausalScorer as the
 * renderer, and keeps the ISA-18.2 predictive alarm (core/alarms/predictive-alarm) that every client is sent.
 */
import {
  acknowledgePredictiveAlarm,
  nextPredictiveAlarm,
  type PredictiveAlarm,
} from '../../../core/alarms/predictive-alarm';
import type { TelemetryBatch } from '../../../core/api/types';
import type { AssetDefinition } from '../../../core/asset/schema';
import { normalCardMismatchSaid } from '../../../core/ml/normal/asset-match';
import type { NormalModel } from '../../../core/ml/normal/model';
import { CausalScorer } from '../../../core/ml/normal/scorer';
import { normalWhy } from '../../../core/ml/normal/why';
import { said, withCause, type Phrase, type Said } from '../../../core/text/phrase';
import type { NormalRegistryStore } from './normal-registry-store';

interface LoadedModel {
  versionId: string;
  model: NormalModel;
  /** Asset tag index of each model tag. */
  columns: number[];
  scorer: CausalScorer;
}

export type PredictiveNotice = (level: 'info' | 'warning' | 'error', message: string, phrase: Phrase) => void;

/** A card that does not fit the asset's tags, carrying its mismatch so the notice can quote it. */
class CardMismatch extends Error {
  constructor(readonly mismatch: Said) {
    super(mismatch.message);
  }
}

/** Why the backend does not score the deployed version: a card that does not fit, or one it cannot read. */
function notLoaded(versionId: string | null, error: Error): Said {
  const version = versionId ?? '(deployed version)';
  const message =
    `Normal-behaviour model ${version} not loaded on the backend, so no ` +
    `predictive alarm is raised: ${error.message}`;
  return error instanceof CardMismatch
    ? said('normalBackendRefused', withCause({ version }, error.mismatch.phrase), message)
    : said('normalBackendUnreadable', { version, detail: error.message }, message);
}

export class PredictiveAlarmMonitor {
  private loaded: LoadedModel | null = null;
  private current: PredictiveAlarm | null = null;
  /** Why no model scores now (a mismatching or unreadable card); null when one runs or none is deployed. */
  problem: Said | null = null;
  /** Sandbox run and newest row time the scorer has seen: a new run or a clock going back starts afresh. */
  private runId: string | undefined;
  private lastT = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly registry: NormalRegistryStore,
    private readonly notice: PredictiveNotice,
  ) {}

  get alarm(): PredictiveAlarm | null {
    return this.current;
  }

  get versionId(): string | null {
    return this.loaded?.versionId ?? null;
  }

  /** Reads the asset's deployed version again (start, asset switch, deploy or undeploy); drops the alarm. */
  load(asset: AssetDefinition): void {
    this.loaded = null;
    this.current = null;
    this.problem = null;
    let versionId: string | null = null;
    try {
      versionId = this.registry.activeId(asset.id);
      if (versionId === null) return;
      const card = this.registry.read(asset.id, versionId);
      const mismatch = normalCardMismatchSaid(card, asset.tags);
      if (mismatch) throw new CardMismatch(mismatch);
      const columns = card.model.tags.map((t) => asset.tags.findIndex((a) => a.id === t.id));
      this.loaded = { versionId, model: card.model, columns, scorer: new CausalScorer(card.model) };
      this.lastT = Number.NEGATIVE_INFINITY;
    } catch (e) {
      const problem = notLoaded(versionId, e as Error);
      this.problem = problem;
      this.notice('warning', problem.message, problem.phrase);
    }
  }

  /** Scores the batch's rows (telemetry of `asset`); true when the predictive alarm changed. */
  scoreBatch(asset: AssetDefinition, batch: TelemetryBatch): boolean {
    const loaded = this.loaded;
    if (!loaded || batch.late || batch.assetId !== asset.id || batch.values.length !== asset.tags.length)
      return false;
    if (batch.runId !== this.runId || (batch.t[0] ?? Number.POSITIVE_INFINITY) < this.lastT) {
      // A sandbox run started or ended, or the plant was reset: its rows are not a continuation.
      this.runId = batch.runId;
      loaded.scorer = new CausalScorer(loaded.model);
      this.current = null;
    }
    const before = this.current;
    const row = new Float64Array(loaded.columns.length);
    const tagIds = loaded.model.tags.map((t) => t.id);
    for (let i = 0; i < batch.t.length; i++) {
      for (let j = 0; j < loaded.columns.length; j++)
        row[j] = batch.values[loaded.columns[j] ?? -1]?.[i] ?? Number.NaN;
      const { score, alarm, contributions } = loaded.scorer.push(row);
      const at = batch.t[i] ?? this.lastT;
      this.lastT = at;
      const why = normalWhy(tagIds, contributions, loaded.model.threshold, alarm).map((w) => w.tagId);
      if (!alarm && this.current === null) continue;
      this.current = nextPredictiveAlarm(this.current, {
        at,
        alarm,
        score,
        threshold: loaded.model.threshold,
        why,
        componentId:
          asset.components.find((c) => why[0] !== undefined && c.tags.includes(why[0]))?.id ?? null,
      });
    }
    return changed(before, this.current);
  }

  /** The operator's acknowledgement; throws when there is nothing to acknowledge. */
  acknowledge(): void {
    if (!this.current)
      throw new Error(
        'no predictive alarm stands: the normal-behaviour model has raised none to acknowledge',
      );
    this.current = acknowledgePredictiveAlarm(this.current);
  }
}

/** Whether a client would show something different (the why changes with every row while raised). */
function changed(a: PredictiveAlarm | null, b: PredictiveAlarm | null): boolean {
  if (a === null || b === null) return a !== b;
  return a.state !== b.state || a.active !== b.active || a.why.join() !== b.why.join();
}
