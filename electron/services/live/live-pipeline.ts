import type { Alarm, TelemetryBatch } from '../../../core/api/types';
import type { TagSourceStatus } from '../../../core/api/domains/connections';
import type { AssetDefinition } from '../../../core/asset/schema';
import type { SourcesDefinition } from '../../../core/asset/sources-schema';
import { AlarmEngine } from '../../../core/alarms/alarm-engine';
import { Quality } from '../../../core/data/quality';
import { RowAssembler, type AssembledRow } from '../../../core/live/row-assembler';
import { said, withCause, type Said } from '../../../core/text/phrase';
import { readSourceNumber, TagTransform, type SourceQuality } from '../../../core/live/source-value';
import { TelemetryBatcher } from '../telemetry-batcher';
import { bindingWhere } from './binding-where';
import { ClockSkew } from './clock-skew';
import type { ConnectionMonitor } from './connection-monitor';
import type { ConnectorSink } from './connector';

const outOfRange = (tag: AssetDefinition['tags'][number], value: number): Said =>
  said(
    'tagOutOfRange',
    { instrument: tag.instrument, value, unit: tag.unit, low: tag.range[0], high: tag.range[1] },
    `tag ${tag.instrument}: ${value} ${tag.unit} is outside its range ${tag.range[0]}…${tag.range[1]}`,
  );

const tagProblem = (problem: Said | null): Pick<TagSourceStatus, 'problem' | 'problemPhrase'> =>
  problem ? { problem: problem.message, problemPhrase: problem.phrase } : { problem: null };

/** Values waiting to form rows before new ones are dropped (and counted): ~10 s at 50,000 values/s. */
export const MAX_PENDING_VALUES = 500_000;

export interface LivePipelineOptions {
  asset: AssetDefinition & { sources: SourcesDefinition };
  onTelemetry(batch: TelemetryBatch): void;
  onAlarms(alarms: Alarm[]): void;
  now?: () => number;
  maxPending?: number;
}

interface BoundTag {
  tagIndex: number;
  transform: TagTransform;
  where: string;
  connection: string;
}

/**
 * Live values from any connector → the same pipeline as the simulator's: value check, unit conversion and
 * deadband, rows at source time (late ones stored at their time), quality, alarms, telemetry batches.
 */
export class LivePipeline {
  private readonly bound: BoundTag[];
  private readonly assembler: RowAssembler;
  private readonly alarms: AlarmEngine;
  private readonly batcher: TelemetryBatcher;
  private readonly lateBatcher: TelemetryBatcher;
  private readonly problems: (Said | null)[];
  private readonly now: () => number;
  readonly skew = new ClockSkew();

  constructor(private readonly options: LivePipelineOptions) {
    const { asset } = options;
    const tagIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
    const connections = new Map(asset.sources.connections.map((c) => [c.id, c]));
    this.bound = asset.sources.bindings.map((binding) => {
      const index = tagIndex.get(binding.tag)!;
      return {
        tagIndex: index,
        transform: new TagTransform(binding, asset.tags[index]!),
        where: bindingWhere(binding, connections.get(binding.connection)),
        connection: binding.connection,
      };
    });
    const staleAfterMs = asset.tags.map(() => Number.POSITIVE_INFINITY);
    for (const [i, b] of asset.sources.bindings.entries())
      staleAfterMs[this.bound[i]!.tagIndex] = b.staleAfterS * 1000;
    this.now = options.now ?? Date.now;
    this.assembler = new RowAssembler({
      tagCount: asset.tags.length,
      staleAfterMs,
      reorderWindowMs: asset.sources.reorderWindowMs,
      maxPending: options.maxPending ?? MAX_PENDING_VALUES,
    });
    this.alarms = new AlarmEngine(asset);
    this.batcher = new TelemetryBatcher(asset.id, asset.tags.length);
    this.lateBatcher = new TelemetryBatcher(asset.id, asset.tags.length);
    this.problems = asset.tags.map(() => null);
  }

  get droppedSamples(): number {
    return this.assembler.dropped;
  }

  /** The sink one connection's connector reports to. */
  sinkFor(monitor: ConnectionMonitor): ConnectorSink {
    return {
      value: (index, raw, sourceTs, quality) => this.value(monitor, index, raw, sourceTs, quality),
      message: () => monitor.message(),
      badPayload: (problem) => monitor.badPayload(problem),
      unknownMetric: (problem) => monitor.unknownMetric(problem),
      problem: ({ message, phrase }) => monitor.addProblem(message, phrase),
      state: (state, detail) => monitor.setState(state, detail),
      stale: (indexes, reason) => {
        this.assembler.markDead(indexes.map((i) => this.bound[i]?.tagIndex ?? -1).filter((i) => i >= 0));
        monitor.addProblem(reason.message, reason.phrase);
      },
      untrustedCertificate: (info) => monitor.setUntrusted(info),
    };
  }

  private value(
    monitor: ConnectionMonitor,
    index: number,
    raw: unknown,
    sourceTs: number | null,
    sourceQuality: SourceQuality,
  ): void {
    const bound = this.bound[index];
    if (!bound)
      return monitor.unknownMetric(
        said('bindingMissing', { index }, `value for binding #${index}, which the asset does not have`),
      );
    const arrival = this.now();
    const tag = this.options.asset.tags[bound.tagIndex]!;
    const t = sourceTs !== null && Number.isFinite(sourceTs) ? sourceTs : arrival;
    if (sourceTs !== null) this.skew.note(sourceTs - arrival);
    if (sourceQuality === 'bad') {
      this.assembler.push(bound.tagIndex, Number.NaN, Quality.sourceBad, t, arrival);
      return;
    }
    const read = readSourceNumber(raw);
    if (!read.ok) {
      const problem = said(
        'tagValueBad',
        withCause({ instrument: tag.instrument, where: bound.where }, read.cause),
        `tag ${tag.instrument}: value at ${bound.where} ${read.problem}`,
      );
      this.problems[bound.tagIndex] = problem;
      monitor.badPayload(problem);
      return;
    }
    const value = bound.transform.toTagUnit(read.value);
    if (!bound.transform.accept(value)) return this.assembler.touch(bound.tagIndex, arrival);
    const inRange = value >= tag.range[0] && value <= tag.range[1];
    const quality = !inRange
      ? Quality.outOfRange
      : sourceQuality === 'uncertain'
        ? Quality.uncertain
        : Quality.good;
    this.problems[bound.tagIndex] = inRange ? null : outOfRange(tag, value);
    this.assembler.push(bound.tagIndex, inRange ? value : Number.NaN, quality, t, arrival);
  }

  /** Forms the rows due now, raises alarms and emits them; call every ~100 ms. */
  tick(): void {
    const now = this.now();
    const { rows, late } = this.assembler.drain(now, now + (this.skew.offsetMs ?? 0));
    let alarmsChanged = false;
    for (const row of rows) {
      if (this.alarms.evaluate(row.values, row.quality, row.t, now)) alarmsChanged = true;
      this.batcher.add(row.t, row.values, row.quality);
    }
    if (alarmsChanged) this.options.onAlarms(this.alarms.snapshot());
    if (this.batcher.size > 0) this.options.onTelemetry({ ...this.batcher.take(), keepHistory: true });
    if (late.length > 0) this.options.onTelemetry(this.lateBatch(late));
  }

  private lateBatch(rows: readonly AssembledRow[]): TelemetryBatch {
    for (const row of rows) this.lateBatcher.add(row.t, row.values, row.quality);
    return { ...this.lateBatcher.take(), keepHistory: true, late: true };
  }

  tagStatuses(): TagSourceStatus[] {
    const now = this.now();
    return this.bound.map((b) => ({
      tagId: this.options.asset.tags[b.tagIndex]!.id,
      connection: b.connection,
      where: b.where,
      lastValueAt: this.assembler.lastArrivalOf(b.tagIndex),
      stale: this.assembler.isStale(b.tagIndex, now),
      ...tagProblem(this.problems[b.tagIndex] ?? null),
    }));
  }

  alarmCommand(alarmId: string, action: 'ack' | 'shelve' | 'unshelve', minutes?: number): Alarm[] {
    this.alarms.command(alarmId, action, this.now(), minutes);
    return this.alarms.snapshot();
  }

  alarmSnapshot(): Alarm[] {
    return this.alarms.snapshot();
  }
}
