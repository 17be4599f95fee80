import type { DecayCache } from './motor';
import type { Rng } from '../random/rng';

/**
 * Slow drivers from outside the skid: ambient air, process demand (static head) and make-up water
 * temperature. Each is a daily/seasonal pattern plus an Ornstein-Uhlenbeck wander from the seeded PRNG.
 */

const DAY_S = 86_400;
const YEAR_S = 365 * DAY_S;
/** Discharge static head above the impeller, m; with the tank at 2.5 m the pump lifts the reference 20 m. */
export const DISCHARGE_STATIC_HEAD_M = 22.5;

export interface EnvironmentNoise {
  ambient: number;
  demand: number;
  supply: number;
}

export interface Environment {
  ambientC: number;
  /** Discharge static head including process demand, m. */
  dischargeHeadM: number;
  supplyTempC: number;
}

const OU = {
  ambient: { tau: 3 * 3600, sigma: 1.0 },
  demand: { tau: 1800, sigma: 0.5 },
  supply: { tau: 6 * 3600, sigma: 0.6 },
};

/** Advances the random wanders by dt seconds (exact OU discretisation, stable at any dt). */
export function advanceNoise(noise: EnvironmentNoise, dtS: number, rng: Rng, decay: DecayCache): void {
  noise.ambient = ouStep(noise.ambient, decay.get(OU.ambient.tau, dtS), OU.ambient.sigma, rng);
  noise.demand = ouStep(noise.demand, decay.get(OU.demand.tau, dtS), OU.demand.sigma, rng);
  noise.supply = ouStep(noise.supply, decay.get(OU.supply.tau, dtS), OU.supply.sigma, rng);
}

/** Exact OU update given a = exp(−dt/τ). */
function ouStep(x: number, a: number, sigma: number, rng: Rng): number {
  return x * a + sigma * Math.sqrt(1 - a * a) * rng.normal();
}

/** Environment at simulated time tS (seconds since epoch, UTC); `steady` holds everything constant. */
export function environmentAt(tS: number, noise: EnvironmentNoise, steady: boolean, out: Environment): void {
  if (steady) {
    out.ambientC = 25;
    out.dischargeHeadM = DISCHARGE_STATIC_HEAD_M;
    out.supplyTempC = 18;
    return;
  }
  const day = (2 * Math.PI * (tS % DAY_S)) / DAY_S;
  const year = (2 * Math.PI * (tS % YEAR_S)) / YEAR_S;
  // Warmest mid-afternoon and in July; coldest early morning and in January.
  const daily = Math.sin(day - (9 / 24) * 2 * Math.PI);
  const seasonal = -Math.cos(year - (20 / 365) * 2 * Math.PI);
  out.ambientC = 20 + 5 * seasonal + 4 * daily + noise.ambient;
  // Process demand: users draw more by day, plus an hourly batch rhythm.
  const hourly = Math.sin((2 * Math.PI * (tS % 3600)) / 3600);
  out.dischargeHeadM = DISCHARGE_STATIC_HEAD_M + 1.0 * daily + 0.4 * hourly + clamp(noise.demand, -0.6, 0.6);
  out.supplyTempC = 17 + 4 * seasonal + 0.5 * daily + noise.supply;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
