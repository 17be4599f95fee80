/**
 * Pump, system and valve hydraulics of P-101 (docs: pump-reference.md §1-2).
 * Flows in m3/h, heads in m, powers in kW. r = n / 1480 r/min.
 */

export const RHO = 998; // kg/m3
export const G = 9.81;
export const P_ATM_KPA = 101.325;
export const N_REF_RPM = 1480;
export const Q_BEP = 300;
export const K_PIPE = 2.0e-4; // m/(m3/h)^2
export const K_SUCTION = 5.6e-6; // m/(m3/h)^2
export const VALVE_KVS = 630;
export const VALVE_RANGEABILITY = 50;
/** Head the blocked strainer takes at 300 m3/h when the cavitation fault is at severity 1. */
export const STRAINER_LOSS_FULL_M = 12;

/** Healthy pump head H(Q, n). */
export function pumpHead(q: number, r: number): number {
  return 60 * r * r - 0.004 * q * r - 9.78e-5 * q * q;
}

/** Healthy shaft power in kW; the closed form stays finite at shut-off. */
export function pumpShaftPowerKw(q: number, r: number): number {
  if (r <= 0) return 0;
  const x = q / (Q_BEP * r);
  return (RHO * G * ((Q_BEP * r) / 3600) * pumpHead(q, r)) / (0.8 * Math.max(0.05, 2 - x)) / 1000;
}

/** NPSH3 (3 % head drop) in m. */
export function npsh3(q: number, r: number): number {
  if (r <= 0) return 0;
  const x = q / (Q_BEP * r);
  return (1.2 + 1.8 * x * x) * r * r;
}

/** Modified equal-percentage valve: Kvs·R^(z-1), less the R^-1 leak term so it shuts tight at z = 0. */
export function valveKv(openingPct: number): number {
  // The stem rarely moves between sub-steps; skip the pow when it has not.
  if (openingPct === kvMemo.pct) return kvMemo.kv;
  kvMemo.pct = openingPct;
  kvMemo.kv = valveKvUncached(openingPct);
  return kvMemo.kv;
}

const kvMemo = { pct: NaN, kv: 0 };

function valveKvUncached(openingPct: number): number {
  const z = Math.min(1, Math.max(0, openingPct / 100));
  return VALVE_KVS * (Math.pow(VALVE_RANGEABILITY, z - 1) - (1 - z) / VALVE_RANGEABILITY);
}

/** Fractional head loss from cavitation as a function of σ = NPSHa / NPSH3: 0 above 1.3, 3 % at 1, 30 % at 0.8. */
export function cavitationHeadLoss(sigma: number): number {
  if (sigma >= 1.3) return 0;
  if (sigma >= 1) {
    const u = (1.3 - sigma) / 0.3;
    return 0.03 * u * u;
  }
  return Math.min(0.95, 0.03 + 0.27 * Math.pow((1 - sigma) / 0.2, 1.5));
}

/** Vapour pressure of water in kPa (Antoine, 1-100 °C). */
export function vapourPressureKPa(tempC: number): number {
  return 0.133322 * Math.pow(10, 8.07131 - 1730.63 / (233.426 + tempC));
}

export interface HydraulicInputs {
  /** Speed ratio n / 1480. */
  r: number;
  /** Actual valve opening, %. */
  valvePct: number;
  /** Static head the pump lifts, m (discharge static minus tank level). */
  hStatic: number;
  /** Impeller wear w: head × (1 − w), efficiency × (1 − w). */
  wear: number;
  /** Liquid level above the impeller centre, m. */
  level: number;
  fluidTempC: number;
  /** Strainer loss at 300 m3/h, m. */
  strainerLoss: number;
}

export interface OperatingPoint {
  q: number;
  head: number;
  eta: number;
  pShaftKw: number;
  npsha: number;
  npsh3: number;
  sigma: number;
  /** Fractional head loss from cavitation. */
  cavLoss: number;
  suctionLossM: number;
}

export function createOperatingPoint(): OperatingPoint {
  return { q: 0, head: 0, eta: 0, pShaftKw: 0, npsha: 0, npsh3: 0, sigma: 99, cavLoss: 0, suctionLossM: 0 };
}

/** Solves pump curve = system curve into `op` (no allocation: called every sub-step). */
export function solveOperatingPoint(inp: HydraulicInputs, op: OperatingPoint): void {
  const { r, wear, hStatic } = inp;
  const kv = valveKv(inp.valvePct);
  const staticNpsh = ((P_ATM_KPA - vapourPressureKPa(inp.fluidTempC)) * 1000) / (RHO * G) + inp.level;
  const strainerCoef = inp.strainerLoss / (Q_BEP * Q_BEP);
  let q = 0;
  if (r > 1e-3 && kv > 1e-3) {
    const hw = 1 - wear;
    const a = 9.78e-5 * hw + K_PIPE + 10.2 / (kv * kv);
    const b = 0.004 * r * hw;
    const c = hStatic - 60 * r * r * hw;
    if (c < 0) q = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
    // Cavitation only lowers head, so the healthy solution brackets the real one from above.
    if (q > 0 && sigmaAt(q, r, staticNpsh, strainerCoef) < 1.3) {
      const g = (x: number) =>
        pumpHead(x, r) * hw * (1 - cavitationHeadLoss(sigmaAt(x, r, staticNpsh, strainerCoef))) -
        (hStatic + (K_PIPE + 10.2 / (kv * kv)) * x * x);
      q = g(0) <= 0 ? 0 : illinois(g, 0, q);
    }
  }
  const suctionLoss = K_SUCTION * q * q + strainerCoef * q * q;
  op.q = q;
  op.suctionLossM = suctionLoss;
  op.npsha = staticNpsh - suctionLoss;
  op.npsh3 = npsh3(q, r);
  op.sigma = op.npsh3 > 1e-6 ? op.npsha / op.npsh3 : 99;
  op.cavLoss = cavitationHeadLoss(op.sigma);
  if (r <= 1e-3) {
    op.head = 0;
    op.pShaftKw = 0;
    op.eta = 0;
    return;
  }
  op.head = Math.max(0, pumpHead(q, r) * (1 - wear) * (1 - op.cavLoss));
  // Cavitating pumps draw slightly less power (vapour-filled channels).
  op.pShaftKw = pumpShaftPowerKw(q, r) * (1 - 0.3 * op.cavLoss);
  op.eta = op.pShaftKw > 0 ? (RHO * G * (q / 3600) * op.head) / (op.pShaftKw * 1000) : 0;
}

function sigmaAt(q: number, r: number, staticNpsh: number, strainerCoef: number): number {
  const req = npsh3(q, r);
  return req > 1e-6 ? (staticNpsh - (K_SUCTION + strainerCoef) * q * q) / req : 99;
}

/** Root of a decreasing g on [lo, hi] with g(lo) > 0 ≥ g(hi) (Illinois false position: a handful of calls). */
function illinois(g: (x: number) => number, lo: number, hi: number): number {
  let glo = g(lo);
  let ghi = g(hi);
  if (ghi >= 0) return hi;
  let side = 0;
  for (let i = 0; i < 60; i++) {
    const x = (lo * ghi - hi * glo) / (ghi - glo);
    const gx = g(x);
    if (Math.abs(gx) < 1e-7 || hi - lo < 1e-7) return x;
    if (gx > 0) {
      lo = x;
      glo = gx;
      if (side === 1) ghi /= 2;
      side = 1;
    } else {
      hi = x;
      ghi = gx;
      if (side === -1) glo /= 2;
      side = -1;
    }
  }
  return 0.5 * (lo + hi);
}
