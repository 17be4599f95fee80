import type { Alarm, AlarmLimitKind, AlarmPriority } from './types';
import type { AssetDefinition, TagDefinition } from '../asset/schema';
import { isGood } from '../data/quality';
import { ALARM_LIMIT_KINDS, limitOfKind } from './limit-of-kind';

interface LimitCheck {
  tagIndex: number;
  tag: TagDefinition;
  componentId: string;
  kind: AlarmLimitKind;
  limit: number;
  priority: AlarmPriority;
  deadband: number;
}

export interface AlarmEngineOptions {
  /** Fraction of the tag's range a value must come back inside the limit before the alarm clears. */
  deadbandFraction?: number;
  /** Consecutive samples beyond the limit before the alarm is raised (suppresses chatter). */
  onDelaySamples?: number;
}

const priorityOf: Record<AlarmLimitKind, AlarmPriority> = {
  'trip-high': 'high',
  'trip-low': 'high',
  'alarm-high': 'medium',
  'alarm-low': 'medium',
};

const describeKind: Record<AlarmLimitKind, string> = {
  'trip-high': 'above trip limit',
  'trip-low': 'below trip limit',
  'alarm-high': 'high',
  'alarm-low': 'low',
};

function limitChecks(asset: AssetDefinition, deadbandFraction: number): LimitCheck[] {
  const owner = new Map<string, string>();
  for (const c of asset.components) for (const t of c.tags) owner.set(t, c.id);
  const checks: LimitCheck[] = [];
  asset.tags.forEach((tag, tagIndex) => {
    const base = {
      tagIndex,
      tag,
      componentId: owner.get(tag.id) ?? '',
      deadband: (tag.range[1] - tag.range[0]) * deadbandFraction,
    };
    const add = (kind: AlarmLimitKind, limit: number | undefined) => {
      if (limit !== undefined) checks.push({ ...base, kind, limit, priority: priorityOf[kind] });
    };
    for (const kind of ALARM_LIMIT_KINDS) add(kind, limitOfKind(tag, kind));
  });
  return checks;
}

function beyond(kind: AlarmLimitKind, value: number, limit: number): boolean {
  return kind.endsWith('high') ? value > limit : value < limit;
}

/** ISA-18.2 alarm state machine over an asset's alarm and trip limits. */
export class AlarmEngine {
  private readonly checks: LimitCheck[];
  private readonly onDelay: number;
  private readonly pendingCount: Int32Array;
  private readonly alarms = new Map<string, Alarm>();

  constructor(asset: AssetDefinition, options: AlarmEngineOptions = {}) {
    this.checks = limitChecks(asset, options.deadbandFraction ?? 0.005);
    this.onDelay = options.onDelaySamples ?? 2;
    this.pendingCount = new Int32Array(this.checks.length);
  }

  /** Evaluates one sample; returns true when any alarm changed state. */
  evaluate(values: Float32Array, quality: Uint8Array, simTime: number, wallTime: number): boolean {
    let changed = this.expireShelves(wallTime);
    this.checks.forEach((check, i) => {
      const value = values[check.tagIndex] ?? Number.NaN;
      if (!Number.isFinite(value) || !isGood(quality[check.tagIndex] ?? 3)) return;
      const id = `${check.tag.id}:${check.kind}`;
      const alarm = this.alarms.get(id);
      const over = beyond(check.kind, value, check.limit);
      const clearBand = check.kind.endsWith('high')
        ? value < check.limit - check.deadband
        : value > check.limit + check.deadband;
      this.pendingCount[i] = over ? (this.pendingCount[i] ?? 0) + 1 : 0;
      if (alarm) {
        if (alarm.active) alarm.value = value;
        if (alarm.active && clearBand) {
          alarm.active = false;
          changed = true;
          if (alarm.state === 'ack') this.alarms.delete(id);
          else if (alarm.state === 'unack') alarm.state = 'rtn-unack';
        } else if (!alarm.active && over && (this.pendingCount[i] ?? 0) >= this.onDelay) {
          alarm.active = true;
          alarm.value = value;
          if (alarm.state === 'rtn-unack') alarm.state = 'unack';
          changed = true;
        }
        return;
      }
      if ((this.pendingCount[i] ?? 0) >= this.onDelay) {
        this.alarms.set(id, {
          id,
          tagId: check.tag.id,
          componentId: check.componentId,
          kind: check.kind,
          priority: check.priority,
          state: 'unack',
          active: true,
          limit: check.limit,
          value,
          raisedAt: simTime,
          message: `${check.tag.name} ${describeKind[check.kind]} (${check.limit} ${check.tag.unit})`,
        });
        changed = true;
      }
    });
    return changed;
  }

  /** Applies an operator action; throws naming the alarm when it does not exist. */
  command(alarmId: string, action: 'ack' | 'shelve' | 'unshelve', wallTime: number, minutes = 15): void {
    const alarm = this.alarms.get(alarmId);
    if (!alarm) throw new Error(`no alarm "${alarmId}" is present`);
    if (action === 'ack') {
      if (alarm.state === 'unack') alarm.state = 'ack';
      else if (alarm.state === 'rtn-unack') this.alarms.delete(alarmId);
    } else if (action === 'shelve') {
      alarm.state = 'shelved';
      alarm.shelvedUntil = wallTime + minutes * 60_000;
    } else if (alarm.state === 'shelved') {
      this.unshelve(alarm);
    }
  }

  private unshelve(alarm: Alarm): void {
    delete alarm.shelvedUntil;
    if (alarm.active) alarm.state = 'unack';
    else this.alarms.delete(alarm.id);
  }

  private expireShelves(wallTime: number): boolean {
    let changed = false;
    for (const alarm of this.alarms.values()) {
      if (alarm.state === 'shelved' && alarm.shelvedUntil !== undefined && alarm.shelvedUntil <= wallTime) {
        this.unshelve(alarm);
        changed = true;
      }
    }
    return changed;
  }

  snapshot(): Alarm[] {
    return [...this.alarms.values()].map((a) => ({ ...a }));
  }

  clear(): void {
    this.alarms.clear();
    this.pendingCount.fill(0);
  }
}
