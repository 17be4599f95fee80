// In replay the alarm list shows the predictive alarm history recorded at the playhead (historyAt), in its
// recorded state, as it does the limit alarms; only where none was recorded (imported history) is the alarm
// computed from the replayed rows shown, marked as computed.
import { afterEach, describe, expect, it } from 'vitest';
import { PREDICTIVE_ALARM_ID, type PredictiveAlarm } from '../../core/alarms/predictive-alarm';
import type { HistoryAt } from '../../core/api/domains/history';
import { playbackStore } from '../../renderer/src/state/playback-store';
import {
  clearReplayPredictiveAlarm,
  feedReplayPredictiveAlarm,
  predictiveAlarmStore,
  setLivePredictiveAlarm,
  shownPredictive,
} from '../../renderer/src/state/predictive-alarm-store';
import { createReplayController } from '../../renderer/src/state/replay-controller';

const T0 = Date.UTC(2026, 11, 7, 10);
const recorded: PredictiveAlarm = {
  id: PREDICTIVE_ALARM_ID,
  priority: 'medium',
  state: 'ack',
  active: true,
  raisedAt: T0 + 60_000,
  peakScore: 9.4,
  threshold: 4.2,
  why: ['flow', 'discharge_pressure'],
  componentId: 'pump',
};

/** History that recorded the alarm from T0 + 60 s (acknowledged) until T0 + 120 s. */
const client = {
  historyAt: ({ t }: { t: number }): Promise<HistoryAt> =>
    Promise.resolve({
      t,
      values: [],
      quality: [],
      sampleTime: t,
      alarms: [],
      predictive: t >= T0 + 60_000 && t < T0 + 120_000 ? recorded : null,
    }),
  historyNextEvent: () => Promise.resolve(null),
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
const shown = () => shownPredictive(predictiveAlarmStore.getState(), playbackStore.getState().mode);

afterEach(() => {
  clearReplayPredictiveAlarm();
  predictiveAlarmStore.setState({ live: null, recorded: null });
  playbackStore.setState({ mode: 'live', range: null, view: null });
});

describe('predictive alarm in replay', () => {
  it('shows the one recorded at the playhead, in its recorded state, over one computed from the rows', async () => {
    playbackStore.setState({ mode: 'live', range: { from: T0, to: T0 + 600_000 }, view: null });
    setLivePredictiveAlarm(null);
    // The replayed rows' own verdict would say unacknowledged and name another tag.
    feedReplayPredictiveAlarm({
      at: T0 + 90_000,
      alarm: true,
      score: 5,
      threshold: 4.2,
      why: ['motor_current'],
      componentId: 'motor',
    });
    const c = createReplayController(client);
    c.seek(T0 + 90_000);
    await settle();
    expect(shown()).toEqual({ alarm: recorded, source: 'recorded' });

    // After the recorded alarm cleared, nothing was recorded: the computed one is shown, marked as such.
    c.seek(T0 + 300_000);
    await settle();
    expect(shown()).toMatchObject({ source: 'computed', alarm: { why: ['motor_current'] } });
    clearReplayPredictiveAlarm();
    expect(shown()).toBeNull();

    // Live shows the backend's alarm, never the replayed ones.
    c.seek(T0 + 90_000);
    await settle();
    c.live();
    expect(shown()).toBeNull();
  });
});
