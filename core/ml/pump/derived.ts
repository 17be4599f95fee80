/**
 * Channels computed from the cleaned tags of a pump-skid frame. A sensor fault (bias, drift, stuck,
 * spikes, dropout on one transmitter) moves one tag away from the tags it is physically tied to, or
 * changes its noise; both are far below one z unit of the raw tag, so the model gets them as channels
 * of their own: balances between linked tags (zero on a healthy plant up to losses the model can
 * learn), and per fault-prone tag its roughness and the share of samples the cleaning had to repair.
 * The balances use the skid's datasheet figures (pump curve, suction loss, tank area, motor voltage,
 * transmitter resolution), the same ones the simulator is built from.
 */
import type { SampleFrame } from '../../data/frame';
import { isGood, Quality } from '../../data/quality';
import { G, K_SUCTION, RHO, pumpHead, N_REF_RPM } from '../../sim/hydraulics';
import { RATED_VOLTAGE } from '../../sim/motor';
import { TANK_AREA_M2 } from '../../sim/plant';
import { SENSOR_SPECS } from '../../sim/sensors';
import { BALANCE_CHANNELS, PUMP_TAGS, SAMPLE_PERIOD_S, SENSOR_FAULT_TAGS } from './spec';

/** Rows over which roughness and the tank balance are averaged (causal). */
export const DERIVED_SPAN = 5;
/** Rows over which repairs are counted: a dropout of a few percent needs more than a handful. */
export const REPAIR_SPAN = 15;
const BAR_PER_M = (RHO * G) / 1e5;

type Col = { v: Float32Array; q: Uint8Array };

/** Fills the DERIVED_CHANNELS of `out`, from channel `firstDerived` on (its first PUMP_TAGS channels are the cleaned tags). */
export function fillDerived(out: SampleFrame, firstDerived: number): void {
  const rows = out.t.length;
  const tag = (id: string): Col => {
    const j = PUMP_TAGS.indexOf(id);
    return { v: out.values[j]!, q: out.quality[j]! };
  };
  const ch = (k: number): Col => ({ v: out.values[firstDerived + k]!, q: out.quality[firstDerived + k]! });
  const put = (c: Col, r: number, x: number) => {
    const ok = Number.isFinite(x);
    c.v[r] = ok ? x : NaN;
    c.q[r] = ok ? Quality.good : Quality.missing;
  };
  const at = (c: Col, r: number) => (isGood(c.q[r]!) ? c.v[r]! : NaN);

  const [pos, cmd, pd, ps, head, flow, speed, level, power, current, freq] = [
    'valve_position',
    'valve_command',
    'discharge_pressure',
    'suction_pressure',
    'differential_head',
    'flow',
    'motor_speed',
    'tank_level',
    'motor_power',
    'motor_current',
    'vfd_frequency',
  ].map(tag) as [Col, Col, Col, Col, Col, Col, Col, Col, Col, Col, Col];
  const pairs = [
    ['winding_temp', 'motor_frame_temp'],
    ['bearing_de_temp', 'bearing_nde_temp'],
    ['seal_temp', 'fluid_temp'],
    ['bearing_de_vibration', 'bearing_nde_vibration'],
  ].map(([a, b]) => [tag(a!), tag(b!)] as const);
  const inflow = tag('tank_inflow');
  const span = DERIVED_SPAN;
  for (let r = 0; r < rows; r++) {
    put(ch(0), r, at(pos, r) - at(cmd, r));
    put(ch(1), r, at(pd, r) - at(ps, r) - BAR_PER_M * at(head, r));
    const q = at(flow, r);
    put(ch(2), r, at(ps, r) - BAR_PER_M * (at(level, r) - K_SUCTION * q * q));
    put(ch(3), r, at(head, r) - pumpHead(q, at(speed, r) / N_REF_RPM));
    const volts = (RATED_VOLTAGE * at(freq, r)) / 50;
    put(ch(4), r, volts > 20 ? at(current, r) - (at(power, r) * 1000) / (Math.sqrt(3) * volts) : NaN);
    pairs.forEach(([a, b], i) => put(ch(5 + i), r, at(a, r) - at(b, r)));
    // Level change over the last `span` rows against the mean net inflow, both in m³/h.
    const lag = Math.min(span, r);
    let net = 0;
    for (let k = r - lag + 1; k <= r; k++) net += at(inflow, k) - at(flow, k);
    const rise = ((at(level, r) - at(level, r - lag)) * TANK_AREA_M2 * 3600) / (lag * SAMPLE_PERIOD_S);
    put(ch(9), r, lag > 0 ? rise - net / lag : NaN);
  }
  // Roughness: ln of the mean |step| between successive good samples over the last `span` rows, floored
  // at half the transmitter's resolution so that a stuck sensor sits far below any live one.
  SENSOR_FAULT_TAGS.forEach((id, i) => {
    const c = tag(id);
    const floor = 0.5 * (SENSOR_SPECS[PUMP_TAGS.indexOf(id)]?.quantum ?? 1e-3);
    const o = ch(BALANCE_CHANNELS.length + i);
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      let n = 0;
      for (let k = Math.max(1, r - span + 1); k <= r; k++) {
        const d = at(c, k) - at(c, k - 1);
        if (Number.isFinite(d)) {
          sum += Math.abs(d);
          n++;
        }
      }
      put(o, r, n > 0 ? Math.log(sum / n + floor) : NaN);
    }
    // Repairs: share of the last REPAIR_SPAN samples that were not good as measured.
    const rep = ch(BALANCE_CHANNELS.length + SENSOR_FAULT_TAGS.length + i);
    let bad = 0;
    for (let r = 0; r < rows; r++) {
      if (c.q[r] !== Quality.good) bad++;
      if (r >= REPAIR_SPAN && c.q[r - REPAIR_SPAN] !== Quality.good) bad--;
      put(rep, r, bad / Math.min(r + 1, REPAIR_SPAN));
    }
  });
  fillAggregates(out, firstDerived);
}

/**
 * Across the fault-prone transmitters: the lowest and highest roughness relative to the noise the
 * transmitter's datasheet promises at its reading (ln of measured / expected mean |step|), and the
 * highest repair share. One channel then says "some sensor went flat / spiky / dropped out" whatever
 * tag it is, which a few training episodes per tag could not teach tag by tag.
 */
function fillAggregates(out: SampleFrame, firstDerived: number): void {
  const rows = out.t.length;
  const B = BALANCE_CHANNELS.length;
  const S = SENSOR_FAULT_TAGS.length;
  const base = firstDerived + B + 2 * S;
  const specs = SENSOR_FAULT_TAGS.map((id) => {
    const j = PUMP_TAGS.indexOf(id);
    return { j, spec: SENSOR_SPECS[j]! };
  });
  for (let r = 0; r < rows; r++) {
    let lo = Infinity;
    let hi = -Infinity;
    let rep = -Infinity;
    specs.forEach(({ j, spec }, i) => {
      const rough = out.values[firstDerived + B + i]![r]!;
      const x = out.values[j]![r]!;
      const expected = 1.128 * (spec.noiseAbs + spec.noiseRel * Math.abs(x)) + 0.5 * spec.quantum;
      const ratio = rough - Math.log(expected);
      if (Number.isFinite(ratio)) {
        lo = Math.min(lo, ratio);
        hi = Math.max(hi, ratio);
      }
      rep = Math.max(rep, out.values[firstDerived + B + S + i]![r]!);
    });
    const put = (k: number, v: number) => {
      const ok = Number.isFinite(v);
      out.values[base + k]![r] = ok ? v : NaN;
      out.quality[base + k]![r] = ok ? Quality.good : Quality.missing;
    };
    put(0, lo);
    put(1, hi);
    put(2, rep);
  }
}
