import { G, RHO } from './hydraulics';
import { PUMP_SKID_TAG_IDS, TAG } from './plant-constants';
import type { PlantModel } from './plant';
import { sealLeakRate, vibration } from './signatures';
import type { Vibration } from './signatures';

/** Noise-free value of every tag, plus process noise the instruments see on top of their own. */
export interface TruthBuffer {
  values: Float64Array;
  extraSigma: Float64Array;
}

export function createTruthBuffer(): TruthBuffer {
  return {
    values: new Float64Array(PUMP_SKID_TAG_IDS.length),
    extraSigma: new Float64Array(PUMP_SKID_TAG_IDS.length),
  };
}

const vib: Vibration = { motor: 0, de: 0, nde: 0, casing: 0, envelope: 0 };

/** Fills the buffer from the plant's last evaluate(). */
export function computeTruth(plant: PlantModel, out: TruthBuffer): void {
  const s = plant.state;
  const op = plant.op;
  const v = out.values;
  const sp = plant.speedRpm / 1484;
  const r = plant.speedRpm / 1480;
  const flowRatio = r > 1e-3 ? op.q / (300 * r) : 0;
  vibration(sp, flowRatio, op.sigma, plant.faults.bearing_wear, vib);
  const barPerM = (RHO * G) / 1e5;
  const suctionBar = barPerM * (s.level - op.suctionLossM);

  v[TAG.vfd_frequency] = s.freq;
  v[TAG.motor_speed] = plant.speedRpm;
  v[TAG.motor_current] = plant.currentA;
  v[TAG.motor_power] = plant.inputKw;
  v[TAG.winding_temp] = s.windingTemp;
  v[TAG.motor_frame_temp] = s.frameTemp;
  v[TAG.motor_vibration] = vib.motor;
  v[TAG.flow] = op.q;
  v[TAG.discharge_pressure] = suctionBar + barPerM * op.head;
  v[TAG.suction_pressure] = suctionBar;
  v[TAG.npsh_available] = Math.max(0, op.npsha);
  v[TAG.differential_head] = op.head;
  v[TAG.pump_efficiency] = 100 * op.eta;
  v[TAG.pump_casing_vibration] = vib.casing;
  v[TAG.bearing_de_vibration] = vib.de;
  v[TAG.bearing_de_envelope] = vib.envelope;
  v[TAG.bearing_de_temp] = s.bearingDeTemp;
  v[TAG.bearing_nde_vibration] = vib.nde;
  v[TAG.bearing_nde_temp] = s.bearingNdeTemp;
  v[TAG.seal_leak_rate] = sealLeakRate(plant.speedRpm, plant.faults.seal_leak);
  v[TAG.seal_leak_switch] = s.leakSwitch;
  v[TAG.seal_temp] = s.sealTemp;
  v[TAG.valve_command] = s.valveCmd;
  v[TAG.valve_position] = s.valvePos;
  v[TAG.tank_level] = s.level;
  v[TAG.tank_inflow] = s.inflow;
  v[TAG.fluid_temp] = s.fluidTemp;
  v[TAG.ambient_temp] = plant.env.ambientC;

  // Cavitation makes pressure and flow readings rough: the σ-margin shortfall sets the spread.
  const cav = sp > 0.02 ? Math.max(0, 1.3 - op.sigma) / 0.5 : 0;
  out.extraSigma.fill(0);
  out.extraSigma[TAG.discharge_pressure] = 0.08 * cav * sp * sp;
  out.extraSigma[TAG.differential_head] = 0.8 * cav * sp * sp;
  out.extraSigma[TAG.flow] = 3 * cav * sp;
}
