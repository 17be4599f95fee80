import type { Alarm, AlarmState, SimStatus, TelemetryBatch, TwinEvent } from '../../../core/api/types';
import type { PredictiveAlarm } from '../../../core/alarms/predictive-alarm';
import { predictiveRecord } from './predictive-record';
import type { HistoryStore } from './store/history-store';
import type { RecordedAlarm } from './store/store-types';

/** Control changes smaller than this (relative to the value) are ramp noise, not a new setpoint. */
const CONTROL_EPSILON = 1e-6;

export interface RecorderOptions {
  /** Simulated time now (exact inside an alarm callback, which runs within the simulator step). */
  simTime(): number | null;
  /** Told when samples were not stored because they are not newer than the stored history. */
  onStale?(info: { rows: number; newestStored: number }): void;
}

/** The rows of a batch from index `from` on. */
const batchFrom = (batch: TelemetryBatch, from: number): TelemetryBatch => ({
  ...batch,
  t: batch.t.slice(from),
  values: batch.values.map((v) => v.slice(from)),
  quality: batch.quality.map((q) => q.slice(from)),
});

/**
 * Turns backend events into history: every telemetry batch, alarm state changes (diffing successive
 * snapshots, acknowledgements included; the predictive alarm beside the limit alarms), and fault injections, fault clears and setpoint changes
 * (diffing successive simulator statuses).
 */
export class HistoryRecorder {
  private alarms = new Map<string, Alarm>();
  private predictive: PredictiveAlarm | null = null;
  private controls: Record<string, number> | null = null;
  private faults = new Map<string, SimStatus['faults'][number]>();
  private lastSimTime: number | null = null;
  /** Newest sample time handed to the store. */
  private lastSampleTs: number | null;

  constructor(
    private readonly store: HistoryStore,
    lastStoredTs: number | null,
    private readonly options: RecorderOptions,
  ) {
    this.lastSampleTs = lastStoredTs;
  }

  /** Starts from the live source's current state, so it is not logged as changes. */
  seed(status: SimStatus | null, alarms: readonly Alarm[], predictive: PredictiveAlarm | null = null): void {
    if (status) this.noteSim(status, false);
    this.alarms = new Map(alarms.map((a) => [a.id, { ...a }]));
    this.predictive = predictive;
  }

  handle(event: TwinEvent): void {
    if (this.store.isClosed) return;
    if (event.type === 'telemetry') this.onTelemetry(event.batch);
    else if (event.type === 'alarms') {
      this.onAlarms(event.snapshot.alarms);
      if (event.snapshot.predictive !== undefined) this.onPredictive(event.snapshot.predictive);
    } else if (event.type === 'sim') this.noteSim(event.status, true);
  }

  /** Closes alarms still standing (so a replay after this session does not show them forever). */
  closeStandingAlarms(ts: number): void {
    for (const a of this.alarms.values()) this.transition(ts, a, a.state, 'normal');
    this.alarms.clear();
    if (this.predictive)
      this.transition(ts, predictiveRecord(this.predictive), this.predictive.state, 'normal');
    this.predictive = null;
  }

  private onTelemetry(batch: TelemetryBatch): void {
    if (batch.assetId !== this.store.asset.id || batch.t.length === 0) return;
    const newest = this.lastSampleTs;
    if (newest !== null && !batch.keepHistory && (batch.t[0] as number) <= newest) {
      // Stored history is never replaced: a source whose clock is behind it (the simulator starts after the
      // stored history, so this is rare) has those rows left out, not interleaved with the stored ones.
      const from = batch.t.findIndex((t) => t > newest);
      this.options.onStale?.({ rows: from < 0 ? batch.t.length : from, newestStored: newest });
      if (from < 0) return;
      batch = batchFrom(batch, from);
    }
    this.append(batch);
  }

  private append(batch: TelemetryBatch): void {
    if (this.store.isClosed) return;
    this.store.append(batch);
    const last = batch.t[batch.t.length - 1] as number;
    this.lastSampleTs = this.lastSampleTs === null ? last : Math.max(this.lastSampleTs, last);
    this.lastSimTime = last;
  }

  private onAlarms(list: readonly Alarm[]): void {
    const now = this.options.simTime() ?? this.lastSimTime;
    if (now !== null && this.lastSimTime !== null && now < this.lastSimTime) {
      // The clock went back: the alarms now standing start the new run, not transitions of the stored one.
      this.alarms = new Map(list.map((a) => [a.id, { ...a }]));
      return;
    }
    const next = new Map(list.map((a) => [a.id, a]));
    for (const a of list) {
      const before = this.alarms.get(a.id);
      if (!before) this.transition(a.raisedAt, a, null, a.state);
      else if (before.state !== a.state) this.transition(now ?? a.raisedAt, a, before.state, a.state);
    }
    for (const [id, before] of this.alarms)
      if (!next.has(id)) this.transition(now ?? before.raisedAt, before, before.state, 'normal');
    this.alarms = new Map(list.map((a) => [a.id, { ...a }]));
  }

  private onPredictive(next: PredictiveAlarm | null): void {
    const before = this.predictive;
    this.predictive = next;
    const now = this.options.simTime() ?? this.lastSimTime;
    if (next && (!before || next.raisedAt !== before.raisedAt)) {
      if (before) this.transition(next.raisedAt, predictiveRecord(before), before.state, 'normal');
      this.transition(next.raisedAt, predictiveRecord(next), null, next.state);
    } else if (next && before && next.state !== before.state)
      this.transition(now ?? next.raisedAt, predictiveRecord(next), before.state, next.state);
    else if (!next && before)
      this.transition(now ?? before.raisedAt, predictiveRecord(before), before.state, 'normal');
  }

  private transition(
    ts: number,
    alarm: RecordedAlarm,
    from: AlarmState | null,
    to: AlarmState | 'normal',
  ): void {
    this.write(() => this.store.appendAlarmTransition(ts, alarm, from, to));
  }

  private event(
    ts: number,
    kind: 'control-change' | 'fault-injection' | 'fault-clear',
    payload: unknown,
  ): void {
    this.write(() => this.store.appendEvent({ ts, kind, payload }));
  }

  private write(fn: () => void): void {
    if (!this.store.isClosed) fn();
  }

  private noteSim(status: SimStatus, log: boolean): void {
    const wentBack = this.lastSimTime !== null && status.simTime < this.lastSimTime;
    const ts = status.simTime;
    // A reset starts a new run: its faults and setpoints are the baseline, not changes.
    if (log && !wentBack && this.controls) {
      for (const [id, value] of Object.entries(status.controls)) {
        const before = this.controls[id];
        if (
          before === undefined ||
          Math.abs(value - before) <= CONTROL_EPSILON * Math.max(1, Math.abs(value))
        )
          continue;
        this.event(ts, 'control-change', { controlId: id, from: before, to: value });
      }
      const now = new Set(status.faults.map((f) => f.instanceId));
      for (const f of status.faults)
        if (!this.faults.has(f.instanceId))
          this.event(f.onset, 'fault-injection', {
            instanceId: f.instanceId,
            faultId: f.faultId,
            severity: f.severity,
            growthPerHour: f.growthPerHour,
            ...(f.targetTag ? { targetTag: f.targetTag } : {}),
          });
      for (const [id, f] of this.faults)
        if (!now.has(id)) this.event(ts, 'fault-clear', { instanceId: id, faultId: f.faultId });
    }
    this.controls = { ...status.controls };
    this.faults = new Map(status.faults.map((f) => [f.instanceId, f]));
    this.lastSimTime = Math.max(ts, wentBack ? ts : (this.lastSimTime ?? ts));
  }
}
