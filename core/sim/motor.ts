/**
 * 75 kW 4-pole induction motor on a V/f drive (pump-reference.md §3): slip, losses, current and
 * the first-order winding thermal model.
 */

export const RATED_POWER_KW = 75;
export const RATED_SPEED_RPM = 1484;
export const RATED_TORQUE_NM = (RATED_POWER_KW * 1000) / ((2 * Math.PI * RATED_SPEED_RPM) / 60);
/** Slip at rated torque in r/min; under V/f the slip speed depends on torque, not on frequency. */
export const RATED_SLIP_RPM = 1500 - RATED_SPEED_RPM;
export const RATED_VOLTAGE = 400;
/** Iron + friction losses at 50 Hz and copper losses at rated torque; they sum to 78.9 − 75 kW. */
export const FIXED_LOSS_KW = 1.1;
export const COPPER_LOSS_KW = 2.8;
export const NO_LOAD_REACTIVE_A = 47;
export const RATED_REACTIVE_A = 71;

/** Winding thermal model: 70 K rise at rated losses with the fan running, τ 45 min. */
export const WINDING_RISE_RATED_K = 70;
export const WINDING_R_TH_K_PER_KW = WINDING_RISE_RATED_K / (FIXED_LOSS_KW + COPPER_LOSS_KW);
export const WINDING_TAU_S = 45 * 60;
/** J/K equivalent, in kJ/K so that kW·s balance. */
export const WINDING_HEAT_CAPACITY_KJ_PER_K = WINDING_TAU_S / WINDING_R_TH_K_PER_KW;
/** Share of cooling that remains with no fan (natural convection). */
export const NATURAL_COOLING_SHARE = 0.3;

/** Motor shaft speed in r/min from drive frequency and load torque. */
export function motorSpeedRpm(freqHz: number, torqueNm: number): number {
  return Math.max(0, 30 * freqHz - RATED_SLIP_RPM * (torqueNm / RATED_TORQUE_NM));
}

/** Load torque in N·m from shaft power and speed. */
export function shaftTorqueNm(pShaftKw: number, speedRpm: number): number {
  if (speedRpm < 1) return 0;
  return (pShaftKw * 1000) / ((2 * Math.PI * speedRpm) / 60);
}

/** Total motor losses in kW (iron scales with frequency, copper with torque squared). */
export function motorLossesKw(freqHz: number, torqueNm: number): number {
  if (freqHz <= 0) return 0;
  const load = torqueNm / RATED_TORQUE_NM;
  return FIXED_LOSS_KW * Math.pow(freqHz / 50, 1.5) + COPPER_LOSS_KW * load * load;
}

/** Line current in A: I = √(Ia² + Ir²), Ia from input power at V/f voltage, Ir from magnetising + leakage. */
export function motorCurrentA(freqHz: number, inputPowerKw: number, torqueNm: number): number {
  if (freqHz < 0.05) return 0;
  const volts = (RATED_VOLTAGE * freqHz) / 50;
  const ia = (inputPowerKw * 1000) / (Math.sqrt(3) * volts);
  const load = torqueNm / RATED_TORQUE_NM;
  const ir =
    (NO_LOAD_REACTIVE_A + (RATED_REACTIVE_A - NO_LOAD_REACTIVE_A) * load * load) * Math.min(1, freqHz / 2);
  return Math.sqrt(ia * ia + ir * ir);
}

/**
 * Cooling conductance relative to rated: shaft-fan airflow follows speed, and a failed fan leaves
 * only natural convection. fanHealth is 1 for a good fan, 0 for a broken one.
 */
export function coolingFactor(speedRpm: number, fanHealth: number): number {
  const fan = Math.min(1.2, Math.max(0, speedRpm / RATED_SPEED_RPM)) * Math.max(0, fanHealth);
  return NATURAL_COOLING_SHARE + (1 - NATURAL_COOLING_SHARE) * fan;
}

/** Steady winding temperature for a given loss and cooling. */
export function windingSteadyTempC(ambientC: number, lossKw: number, cooling: number): number {
  return ambientC + (lossKw * WINDING_R_TH_K_PER_KW) / cooling;
}

/** Time constant of the winding at this cooling: τ = C · R_th. */
export function windingTauS(cooling: number): number {
  return WINDING_TAU_S / cooling;
}

/** Exact update of a first-order lag toward `target` over dt. */
export function lag(value: number, target: number, tauS: number, dtS: number, cache?: DecayCache): number {
  return target + (value - target) * (cache ? cache.get(tauS, dtS) : Math.exp(-dtS / tauS));
}

/** Memo of exp(−dt/τ) per τ; sub-steps mostly repeat the same dt, and exp dominates the step cost. */
export class DecayCache {
  private dt = NaN;
  private readonly byTau = new Map<number, number>();

  get(tauS: number, dtS: number): number {
    if (dtS !== this.dt) {
      this.dt = dtS;
      this.byTau.clear();
    }
    let v = this.byTau.get(tauS);
    if (v === undefined) {
      v = Math.exp(-dtS / tauS);
      this.byTau.set(tauS, v);
    }
    return v;
  }
}
