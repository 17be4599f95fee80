import type { SampleFrame } from '../../data/frame';
import type { NormalModel } from './model';
import { CausalScorer } from './scorer';
import { ROWS_PER_PAUSE, runSteps, type Steps } from './steps';

/** False alarms on the held-out normal rows: the figures a user's false-alarm budget is checked against. */
export interface HeldOutAlarms {
  /** Held-out rows marked as alarm, and alarms raised (rising edges) in them. */
  alarmRows: number;
  alarms: number;
  /** Alarms raised per 24 h of held-out running at the sample rate. */
  alarmsPerDay: number;
}

/**
 * Scores every row of `frame` causally with `model` (fitted on the rows before `fitRows`) and counts the
 * alarms in the rows from `fitRows` on, which the model never saw: all of them are false alarms, since the
 * training rows are normal running.
 */
export function heldOutAlarms(
  model: NormalModel,
  frame: SampleFrame,
  fitRows: number,
  sampleRateHz: number,
): HeldOutAlarms {
  return runSteps(heldOutAlarmsSteps(model, frame, fitRows, sampleRateHz));
}

/** heldOutAlarms, pausing every few thousand rows. */
export function* heldOutAlarmsSteps(
  model: NormalModel,
  frame: SampleFrame,
  fitRows: number,
  sampleRateHz: number,
): Steps<HeldOutAlarms> {
  const scorer = new CausalScorer(model);
  const n = frame.t.length;
  const row = new Float64Array(frame.values.length);
  let alarmRows = 0;
  let alarms = 0;
  let before = false;
  for (let r = 0; r < n; r++) {
    if (r % ROWS_PER_PAUSE === 0) yield;
    frame.values.forEach((column, j) => (row[j] = column[r]!));
    const { alarm } = scorer.push(row);
    if (r >= fitRows) {
      if (alarm) alarmRows++;
      if (alarm && !before) alarms++;
    }
    before = alarm;
  }
  const days = (n - fitRows) / sampleRateHz / 86_400;
  return { alarmRows, alarms, alarmsPerDay: days > 0 ? alarms / days : 0 };
}
