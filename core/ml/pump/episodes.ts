/**
 * Seeded simulator episodes for the pump-skid data sets: a plan (operating changes, one fault) and
 * its deterministic run, sampled once per SAMPLE_PERIOD_S with per-row labels. Replaying a plan
 * gives the same rows bit for bit, so tests can regenerate any episode of a data set.
 */
import { PLANT_FAULT_IDS, SENSOR_FAULT_IDS, createPumpSkidSimulator } from '../../sim';
import type { PumpSkidSimulator } from '../../sim';
import type { TagDefinition } from '../../asset/schema';
import { mulberry32 } from '../../random/rng';
import {
  PUMP_CONTROLS,
  PUMP_TAGS,
  RUL_CAP_HOURS,
  SAMPLE_PERIOD_S,
  SENSOR_FAULT_TAGS,
  faultClassIndex,
} from './spec';

export type EpisodeKind = 'healthy' | 'plant' | 'sensor';

export interface ControlEvent {
  /** Sample index at which the setpoint changes. */
  row: number;
  controlId: string;
  value: number;
}

export interface EpisodePlan {
  id: number;
  seed: number;
  kind: EpisodeKind;
  faultId: string | null;
  targetTag: string | null;
  severity0: number;
  growthPerHour: number;
  /** Sample index of fault onset (equal to maxRows for healthy episodes). */
  onsetRow: number;
  /** Longest the episode may run, in samples; fault episodes stop 30 min after end of life. */
  maxRows: number;
  controls: ControlEvent[];
}

export interface EpisodeRun {
  plan: EpisodePlan;
  rows: number;
  /** Measured tag values, row-major [rows, PUMP_TAGS] (NaN where a sensor dropped out). */
  tags: Float32Array;
  /** Setpoints in force, row-major [rows, PUMP_CONTROLS]. */
  controls: Float32Array;
  /** Fault class per row (0 healthy; the episode's fault from onset on). */
  faultClass: Uint8Array;
  /**
   * Hours to the first trip per row (RUL_CAP_HOURS where none comes within it); NaN where no degrading
   * fault is active.
   */
  rulHours: Float32Array;
  /**
   * Row of the first trip: a true value beyond a trip limit of the asset, the event the what-if's "Time to
   * trip" counts. It may lie past the recorded rows (found by the look-ahead with setpoints held), or -1
   * when no trip comes within RUL_CAP_HOURS.
   */
  eolRow: number;
}

const ROWS_PER_HOUR = 3600 / SAMPLE_PERIOD_S;
const BEARING_K = 2.5;

/** Growth per hour that takes a fault from severity s0 to 1 in `hours` (bearing wear accelerates). */
function growthFor(faultId: string, s0: number, hours: number): number {
  if (faultId === 'bearing_wear')
    return (Math.exp(-BEARING_K * s0) - Math.exp(-BEARING_K)) / (BEARING_K * hours);
  return (1 - s0) / hours;
}

/** The valve's operating range in the data sets, % open. */
const VALVE_MIN = 50;
const VALVE_MAX = 100;

/**
 * Next valve setpoint: half of the moves are large steps of 20–50 % (e.g. 80 → 50 %), so the forecaster
 * sees what a what-if valve move does at every speed; the others anywhere in the range.
 */
function nextValve(valve: number, u: (a: number, b: number) => number, rand: () => number): number {
  if (rand() < 0.5) return u(VALVE_MIN, VALVE_MAX);
  const step = u(20, 50);
  const down = valve - step >= VALVE_MIN && (valve + step > VALVE_MAX || rand() < 0.5);
  return Math.min(VALVE_MAX, Math.max(VALVE_MIN, down ? valve - step : valve + step));
}

function operatingChanges(rand: () => number, rows: number): ControlEvent[] {
  const events: ControlEvent[] = [];
  const u = (a: number, b: number) => a + (b - a) * rand();
  const round = (x: number, q: number) => Math.round(x / q) * q;
  let valve = 80;
  // Setpoint changes every 20–120 min.
  for (let r = Math.floor(u(10, 60)); r < rows; r += Math.floor(u(20, 120))) {
    const pick = rand();
    if (pick < 0.35) events.push({ row: r, controlId: 'speed_setpoint', value: round(u(38, 50), 0.5) });
    else if (pick < 0.8) {
      valve = round(nextValve(valve, u, rand), 1);
      events.push({ row: r, controlId: 'valve_setpoint', value: valve });
    } else events.push({ row: r, controlId: 'level_setpoint', value: round(u(1.8, 3.2), 0.1) });
  }
  // Small valve trims every 3–15 min, as an operator or a slow outer loop would make.
  for (let r = Math.floor(u(3, 15)); r < rows; r += Math.floor(u(3, 15))) {
    const trim = round(u(1, 5), 0.5) * (rand() < 0.5 ? -1 : 1);
    events.push({
      row: r,
      controlId: 'valve_setpoint',
      value: Math.min(VALVE_MAX, Math.max(VALVE_MIN, valve + trim)),
    });
  }
  return events.sort((a, b) => a.row - b.row);
}

/** Plan of episode `id`, drawn from `seed`. */
export function planEpisode(id: number, seed: number, kind: EpisodeKind, faultIndex: number): EpisodePlan {
  const rand = mulberry32(seed);
  const u = (a: number, b: number) => a + (b - a) * rand();
  let faultId: string | null = null;
  let targetTag: string | null = null;
  let severity0 = 0;
  let growthPerHour = 0;
  let onsetRow: number;
  let maxRows: number;
  if (kind === 'healthy') {
    maxRows = 24 * ROWS_PER_HOUR;
    onsetRow = maxRows;
  } else if (kind === 'plant') {
    faultId = PLANT_FAULT_IDS[faultIndex % PLANT_FAULT_IDS.length]!;
    severity0 = u(0.15, 0.35);
    const hoursToFailure = u(6, 40);
    growthPerHour = growthFor(faultId, severity0, hoursToFailure);
    onsetRow = Math.floor(u(1, 6) * ROWS_PER_HOUR);
    maxRows = onsetRow + Math.ceil((hoursToFailure + 1) * ROWS_PER_HOUR);
  } else {
    faultId = SENSOR_FAULT_IDS[faultIndex % SENSOR_FAULT_IDS.length]!;
    targetTag = SENSOR_FAULT_TAGS[Math.floor(rand() * SENSOR_FAULT_TAGS.length)]!;
    severity0 = faultId === 'sensor_dropout' ? u(0.05, 0.3) : u(0.3, 1);
    onsetRow = Math.floor(u(1, 4) * ROWS_PER_HOUR);
    maxRows = onsetRow + Math.floor(u(6, 16) * ROWS_PER_HOUR);
  }
  return {
    id,
    seed,
    kind,
    faultId,
    targetTag,
    severity0,
    growthPerHour,
    onsetRow,
    maxRows,
    controls: operatingChanges(rand, maxRows),
  };
}

/** True when a true value is beyond a trip limit. */
function tripped(sim: PumpSkidSimulator, tripTags: readonly TagDefinition[]): boolean {
  for (const t of tripTags) {
    const v = sim.trueValue(t.id);
    if ((t.trip?.high !== undefined && v > t.trip.high) || (t.trip?.low !== undefined && v < t.trip.low))
      return true;
  }
  return false;
}

/**
 * Where the recorded rows end before a trip: runs on with the last setpoints held (as the what-if's
 * look-ahead does) until a trip or RUL_CAP_HOURS after onset, and returns the trip's row or -1.
 */
function tripAfterEnd(
  sim: PumpSkidSimulator,
  tripTags: readonly TagDefinition[],
  rows: number,
  onsetRow: number,
): number {
  const last = onsetRow + RUL_CAP_HOURS * ROWS_PER_HOUR;
  for (let r = rows; r < last; r++) {
    sim.step(SAMPLE_PERIOD_S);
    if (tripped(sim, tripTags)) return r;
  }
  return -1;
}

/**
 * Runs a plan. `tags` are the asset's tag definitions (for the trip limits that define end of life: the
 * first trip, whatever fault severity it takes; a fault at full severity that never trips has no end).
 * `onRow` sees the simulator after each sample (the evaluation uses it to fork the physics).
 */
export function runEpisode(
  plan: EpisodePlan,
  tags: readonly TagDefinition[],
  onRow?: (row: number, sim: PumpSkidSimulator) => void,
): EpisodeRun {
  const sim = createPumpSkidSimulator({
    seed: plan.seed,
    startTime: Date.UTC(2026, 0, 1) + (plan.seed % 365) * 86_400_000,
  });
  const tripTags = tags.filter((t) => t.trip !== undefined);
  const T = PUMP_TAGS.length;
  const C = PUMP_CONTROLS.length;
  const tagBuf = new Float32Array(plan.maxRows * T);
  const ctlBuf = new Float32Array(plan.maxRows * C);
  const faultClass = new Uint8Array(plan.maxRows);
  const cls = faultClassIndex(plan.faultId);
  const degrading = plan.kind === 'plant';
  const row = new Float32Array(T);
  let eolRow = -1;
  let rows = plan.maxRows;
  let next = 0;
  for (let r = 0; r < plan.maxRows; r++) {
    while (next < plan.controls.length && plan.controls[next]!.row <= r) {
      const e = plan.controls[next++]!;
      sim.setControl(e.controlId, e.value);
    }
    if (r === plan.onsetRow && plan.faultId !== null) {
      const spec = { faultId: plan.faultId, severity: plan.severity0, growthPerHour: plan.growthPerHour };
      sim.injectFault(plan.targetTag !== null ? { ...spec, targetTag: plan.targetTag } : spec);
    }
    sim.step(SAMPLE_PERIOD_S);
    sim.sample(row);
    tagBuf.set(row, r * T);
    const ctl = sim.controls();
    PUMP_CONTROLS.forEach((id, j) => (ctlBuf[r * C + j] = ctl[id] ?? NaN));
    faultClass[r] = r >= plan.onsetRow ? cls : 0;
    onRow?.(r, sim);
    if (degrading && r >= plan.onsetRow && eolRow < 0 && tripped(sim, tripTags)) {
      eolRow = r;
      rows = Math.min(plan.maxRows, r + 1 + ROWS_PER_HOUR / 2);
    }
    if (r + 1 >= rows) break;
  }
  if (degrading && eolRow < 0 && rows > plan.onsetRow)
    eolRow = tripAfterEnd(sim, tripTags, rows, plan.onsetRow);
  const rulHours = new Float32Array(rows).fill(NaN);
  if (degrading)
    for (let r = plan.onsetRow; r < rows; r++)
      rulHours[r] =
        eolRow < 0 ? RUL_CAP_HOURS : Math.min(RUL_CAP_HOURS, Math.max(0, (eolRow - r) / ROWS_PER_HOUR));
  return {
    plan,
    rows,
    tags: tagBuf.slice(0, rows * T),
    controls: ctlBuf.slice(0, rows * C),
    faultClass: faultClass.slice(0, rows),
    rulHours,
    eolRow,
  };
}
