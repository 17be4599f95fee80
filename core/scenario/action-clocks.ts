import type { ExpectedAction, Scenario } from './schema';
import type { ActionWindow } from './trainer-state';

type Anchor = Extract<ExpectedAction, { kind: 'set-control' }>['from'];

/**
 * When each expected action's clock starts (the scenario's start, a time, its first alarm, the alarm to
 * acknowledge) and the action windows that follow: from that start to the deadline, or for an action with none
 * the scenario's `pace.openActionS`. Times are scenario seconds.
 */
export class ActionClocks {
  firstAlarmS: number | null = null;
  tripS: number | null = null;
  /** Raise time of the first alarm matching each ack-alarm action. */
  private readonly ackClock = new Map<string, number>();
  /** Clocks that alarms started so far: a trainer step stops when one more starts. */
  started = 0;

  constructor(private readonly scenario: Scenario) {}

  alarmRaised(tagId: string, trip: boolean, atS: number): void {
    if (this.firstAlarmS === null) {
      this.firstAlarmS = atS;
      this.started++;
    }
    if (trip) this.tripS ??= atS;
    for (const a of this.scenario.expectedActions)
      if (
        a.kind === 'ack-alarm' &&
        (a.tagId === undefined || a.tagId === tagId) &&
        !this.ackClock.has(a.id)
      ) {
        this.ackClock.set(a.id, atS);
        this.started++;
      }
  }

  /** When the alarm an ack-alarm action waits for was raised, if it was. */
  raisedFor(actionId: string): number | undefined {
    return this.ackClock.get(actionId);
  }

  /** When a set-control action's clock starts (null: its first alarm has not come yet). */
  anchorS(from: Anchor): number | null {
    return from === 'start' ? 0 : from === 'first-alarm' ? this.firstAlarmS : from.atS;
  }

  deadline(from: Anchor, withinS: number | undefined): number | null {
    const start = this.anchorS(from);
    return withinS === undefined || start === null ? null : start + withinS;
  }

  /** The windows of the actions still pending (by index) whose clocks have started. */
  windows(pending: (index: number) => boolean): ActionWindow[] {
    const windows: ActionWindow[] = [];
    this.scenario.expectedActions.forEach((a, i) => {
      if (!pending(i)) return;
      const fromS = a.kind === 'ack-alarm' ? (this.ackClock.get(a.id) ?? null) : this.anchorS(a.from);
      if (fromS === null) return;
      const untilS = fromS + (a.withinS ?? this.scenario.pace.openActionS);
      windows.push({ actionId: a.id, description: a.description, fromS, untilS });
    });
    return windows;
  }
}

/** The window open at atS (the one that closes first), or null. */
export function windowAt(windows: readonly ActionWindow[], atS: number): ActionWindow | null {
  const open = windows.filter((w) => w.fromS <= atS && atS < w.untilS);
  return open.sort((a, b) => a.untilS - b.untilS)[0] ?? null;
}
