import { environmentAt, advanceNoise } from './environment';
import type { Environment } from './environment';
import { emptyFaultLevels } from './faults';
import type { PlantFaultLevels } from './faults';
import { N_REF_RPM, STRAINER_LOSS_FULL_M, createOperatingPoint, solveOperatingPoint } from './hydraulics';
import type { HydraulicInputs, OperatingPoint } from './hydraulics';
import {
  DecayCache,
  coolingFactor,
  lag,
  motorCurrentA,
  motorLossesKw,
  motorSpeedRpm,
  shaftTorqueNm,
  windingSteadyTempC,
  windingTauS,
} from './motor';
import type { Rng } from '../random/rng';
import type { PlantState } from './state';
import { bearingSignature, sealLeakRate } from './signatures';

export const TANK_AREA_M2 = 12;
export const MAX_INFLOW = 600;
const LEVEL_KP = 800; // m3/h per m
const LEVEL_KI = LEVEL_KP / 300; // integral time 5 min
const ACTUATOR_TAU_S = 1;
const FLUID_UA_M3_S = 1.2e-4; // tank wall loss expressed as an equivalent flow
const RHO_CP = 998 * 4186;

/** The skid's physics: algebraic operating point (evaluate) and integration of the dynamic states (advance). */
export class PlantModel {
  readonly env: Environment = { ambientC: 25, dischargeHeadM: 22.5, supplyTempC: 18 };
  readonly op: OperatingPoint = createOperatingPoint();
  readonly faults: PlantFaultLevels = emptyFaultLevels();
  private readonly hyd: HydraulicInputs = {
    r: 0,
    valvePct: 0,
    hStatic: 0,
    wear: 0,
    level: 0,
    fluidTempC: 20,
    strainerLoss: 0,
  };
  speedRpm = 0;
  /** Shaft power incl. bearing friction, kW. */
  shaftKw = 0;
  lossKw = 0;
  inputKw = 0;
  currentA = 0;
  cooling = 1;
  /** exp(−h/τ) for the fixed time constants, reused while the sub-step length repeats. */
  private readonly decay = new DecayCache();

  constructor(
    public state: PlantState,
    readonly steadyEnvironment: boolean,
  ) {}

  /** Algebraic part at simulated time tS: environment, speed, operating point, electrical values. */
  evaluate(tS: number): void {
    const s = this.state;
    const f = this.faults;
    environmentAt(tS, s.noise, this.steadyEnvironment, this.env);
    this.speedRpm = motorSpeedRpm(s.freq, s.torque);
    const hyd = this.hyd;
    hyd.r = this.speedRpm / N_REF_RPM;
    hyd.valvePct = s.valvePos;
    hyd.hStatic = this.env.dischargeHeadM - s.level;
    hyd.wear = 0.1 * f.impeller_wear;
    hyd.level = s.level;
    hyd.fluidTempC = s.fluidTemp;
    hyd.strainerLoss = STRAINER_LOSS_FULL_M * f.cavitation;
    solveOperatingPoint(hyd, this.op);
    this.shaftKw = this.op.pShaftKw + (this.speedRpm > 1 ? bearingSignature(f.bearing_wear).frictionKw : 0);
    const torque = shaftTorqueNm(this.shaftKw, this.speedRpm);
    this.lossKw = motorLossesKw(s.freq, torque);
    this.inputKw = this.shaftKw + this.lossKw;
    this.currentA = motorCurrentA(s.freq, this.inputKw, torque);
    this.cooling = coolingFactor(this.speedRpm, 1 - f.cooling_failure);
  }

  /** Integrates over h seconds from the state last evaluated. */
  advance(h: number, targets: Record<string, number>, rng: Rng): void {
    const s = this.state;
    const env = this.env;
    const op = this.op;
    s.freq = ramp(s.freq, targets.speed_setpoint ?? 0, 2 * h);
    s.valveCmd = ramp(s.valveCmd, targets.valve_setpoint ?? 0, 16.7 * h);
    s.levelSp = ramp(s.levelSp, targets.level_setpoint ?? 2.5, 0.05 * h);
    s.valveActuator = lag(s.valveActuator, s.valveCmd, ACTUATOR_TAU_S, h, this.decay);
    this.moveStem(h);
    s.torque = shaftTorqueNm(this.shaftKw, this.speedRpm);

    // Level controller (PI with anti-windup) and tank mass balance.
    const e = s.levelSp - s.level;
    const u = LEVEL_KP * e + s.levelIntegral;
    if ((u > 0 || e > 0) && (u < MAX_INFLOW || e < 0))
      s.levelIntegral = clamp(s.levelIntegral + LEVEL_KI * e * h, 0, MAX_INFLOW);
    s.inflow = clamp(u, 0, MAX_INFLOW);
    s.level = clamp(s.level + ((s.inflow - op.q) / 3600 / TANK_AREA_M2) * h, 0, 5);

    // Tank temperature: make-up water, pump losses and wall losses, integrated exactly.
    const volume = TANK_AREA_M2 * Math.max(0.2, s.level);
    const qIn = s.inflow / 3600;
    const heatKw = op.pShaftKw - (998 * 9.81 * (op.q / 3600) * op.head) / 1000;
    const target =
      (qIn * env.supplyTempC + FLUID_UA_M3_S * env.ambientC + (heatKw * 1000) / RHO_CP) /
      (qIn + FLUID_UA_M3_S);
    s.fluidTemp = lag(s.fluidTemp, target, volume / (qIn + FLUID_UA_M3_S), h);

    this.advanceThermal(h);
    const leak = sealLeakRate(this.speedRpm, this.faults.seal_leak);
    if (leak > 0.3) s.leakSwitch = 1;
    else if (leak < 0.2) s.leakSwitch = 0;
    advanceNoise(s.noise, h, rng, this.decay);
  }

  /** Starts the run as if the skid had been running for hours: slip, level loop and temperatures settled. */
  settleAtStart(tS: number): void {
    const s = this.state;
    for (let i = 0; i < 6; i++) {
      this.evaluate(tS);
      s.torque = shaftTorqueNm(this.shaftKw, this.speedRpm);
    }
    this.evaluate(tS);
    s.fluidTemp = this.env.supplyTempC;
    s.levelIntegral = this.op.q;
    s.inflow = this.op.q;
    this.evaluate(tS);
    this.advanceThermal(1e9);
  }

  /** True while a fast transient needs fine sub-steps. */
  isTransient(targets: Record<string, number>): boolean {
    const s = this.state;
    return (
      s.freq !== targets.speed_setpoint ||
      s.valveCmd !== targets.valve_setpoint ||
      s.levelSp !== targets.level_setpoint ||
      Math.abs(s.valveActuator - s.valveCmd) > 0.01
    );
  }

  private advanceThermal(h: number): void {
    const s = this.state;
    const amb = this.env.ambientC;
    const sp = this.speedRpm / 1484;
    const spHeat = Math.pow(Math.max(0, sp), 1.2);
    s.windingTemp = lag(
      s.windingTemp,
      windingSteadyTempC(amb, this.lossKw, this.cooling),
      windingTauS(this.cooling),
      h,
    );
    s.frameTemp = lag(s.frameTemp, amb + 0.45 * (s.windingTemp - amb), 1800, h, this.decay);
    const fluidPull = 0.15 * (s.fluidTemp - amb);
    const bearing = bearingSignature(this.faults.bearing_wear);
    s.bearingDeTemp = lag(
      s.bearingDeTemp,
      amb + 38 * spHeat + fluidPull + bearing.tempRiseK * sp,
      1200,
      h,
      this.decay,
    );
    s.bearingNdeTemp = lag(s.bearingNdeTemp, amb + 34 * spHeat + fluidPull, 1200, h, this.decay);
    const lowFlow = Math.max(0, 1 - this.op.q / 90) * sp * sp;
    const sealTarget =
      s.fluidTemp + 12 * sp * sp + 15 * this.faults.seal_leak + 20 * lowFlow + 10 * this.op.cavLoss;
    s.sealTemp = lag(s.sealTemp, sealTarget, 600, h, this.decay);
  }

  /** Choudhury-style stick-slip: the stem holds until the actuator has moved past S, then slips by J. */
  private moveStem(h: number): void {
    const s = this.state;
    const sev = this.faults.valve_stiction;
    if (sev <= 0) {
      s.valvePos = s.valveActuator;
      s.stickAt = s.valveActuator;
      s.stemMoving = 1;
      return;
    }
    const stickBand = 0.5 + 7.5 * sev;
    const jump = 0.2 + 2.8 * sev;
    const u = s.valveActuator;
    if (s.stemMoving === 1) {
      const follow = clamp(u - s.stickDir * ((stickBand - jump) / 2), 0, 100);
      // The stem keeps sliding only while the actuator keeps pushing the same way.
      if ((follow - s.valvePos) * s.stickDir > 0.02 * h) s.valvePos = follow;
      else {
        s.stemMoving = 0;
        s.stickAt = u;
      }
    } else if (Math.abs(u - s.stickAt) > stickBand) {
      s.stickDir = Math.sign(u - s.stickAt);
      s.valvePos = clamp(u - s.stickDir * ((stickBand - jump) / 2), 0, 100);
      s.stemMoving = 1;
    }
  }
}

function ramp(value: number, target: number, maxStep: number): number {
  if (Math.abs(target - value) <= maxStep) return target;
  return value + Math.sign(target - value) * maxStep;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
