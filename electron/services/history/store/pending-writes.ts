import type { TelemetryBatch } from '../../../../core/api/types';
import type { AssetDefinition } from '../../../../core/asset/schema';
import type { PendingEvent } from './store-commit';
import type { AlarmTransition } from './store-types';

/** Samples kept for the next commit while commits fail: about 28 hours at 1 Hz, 200 s at 1000×. */
export const MAX_PENDING_SAMPLES = 100_000;
/** Events and alarm transitions kept while commits fail (each list). */
export const MAX_PENDING_EVENTS = 10_000;

export interface PendingTake {
  batches: TelemetryBatch[];
  events: PendingEvent[];
  alarms: AlarmTransition[];
}

/** The newest `keep` samples of a batch, as a new batch. */
function newestOf(batch: TelemetryBatch, keep: number): TelemetryBatch {
  const from = batch.t.length - keep;
  return {
    assetId: batch.assetId,
    t: batch.t.slice(from),
    values: batch.values.map((v) => v.slice(from)),
    quality: batch.quality.map((q) => q.slice(from)),
  };
}

/**
 * What has been appended but not yet committed, bounded: while commits fail (a full or failing disk) the
 * oldest samples, events and alarm transitions beyond the limits are dropped and counted, so memory stays
 * bounded however long the disk is down.
 */
export class PendingWrites {
  batches: TelemetryBatch[] = [];
  events: PendingEvent[] = [];
  alarms: AlarmTransition[] = [];
  private samples = 0;
  /** Samples dropped because the buffer was full, since the store opened. */
  droppedSamples = 0;
  /** Events and alarm transitions dropped because the buffer was full. */
  droppedEvents = 0;

  constructor(
    private readonly maxSamples = MAX_PENDING_SAMPLES,
    private readonly maxEvents = MAX_PENDING_EVENTS,
  ) {
    if (!(maxSamples >= 1)) throw new Error(`the pending sample limit must be at least 1, got ${maxSamples}`);
  }

  /** Samples waiting for the next commit. */
  get sampleCount(): number {
    return this.samples;
  }

  /** Buffers a batch after checking it belongs to `asset`. */
  addBatch(asset: AssetDefinition, batch: TelemetryBatch): void {
    if (batch.assetId !== asset.id)
      throw new Error(`batch of asset "${batch.assetId}" given to the store of "${asset.id}"`);
    if (batch.values.length !== asset.tags.length)
      throw new Error(`batch has ${batch.values.length} tags, asset "${asset.id}" has ${asset.tags.length}`);
    if (batch.t.length === 0) return;
    this.batches.push(batch);
    this.samples += batch.t.length;
    this.bound();
  }

  addEvent(event: PendingEvent): void {
    this.events.push(event);
    this.bound();
  }

  addAlarm(transition: AlarmTransition): void {
    this.alarms.push(transition);
    this.bound();
  }

  /** Everything buffered, emptying the buffer; null when there is nothing. */
  take(): PendingTake | null {
    const { batches, events, alarms } = this;
    if (batches.length === 0 && events.length === 0 && alarms.length === 0) return null;
    this.batches = [];
    this.events = [];
    this.alarms = [];
    this.samples = 0;
    return { batches, events, alarms };
  }

  /** Puts a failed commit's data back in front of what was appended since, then drops the oldest beyond the limits. */
  putBack(taken: PendingTake): void {
    this.batches = taken.batches.concat(this.batches);
    this.events = taken.events.concat(this.events);
    this.alarms = taken.alarms.concat(this.alarms);
    this.samples = this.batches.reduce((n, b) => n + b.t.length, 0);
    this.bound();
  }

  private bound(): void {
    while (this.samples > this.maxSamples) {
      const oldest = this.batches[0]!;
      const excess = this.samples - this.maxSamples;
      if (oldest.t.length <= excess) {
        this.batches.shift();
        this.samples -= oldest.t.length;
        this.droppedSamples += oldest.t.length;
      } else {
        this.batches[0] = newestOf(oldest, oldest.t.length - excess);
        this.samples -= excess;
        this.droppedSamples += excess;
      }
    }
    for (const list of [this.events, this.alarms] as const)
      if (list.length > this.maxEvents) {
        const excess = list.length - this.maxEvents;
        list.splice(0, excess);
        this.droppedEvents += excess;
      }
  }
}
