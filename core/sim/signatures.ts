/**
 * How mechanical condition shows on the instruments (pump-reference.md §4, §5, §7), as functions of
 * fault severity 0..1 and speed ratio sp = n / 1484.
 */

export interface BearingSignature {
  /** Envelope acceleration added at full speed, gE (stage 2 onwards). */
  envelopeG: number;
  /** Broadband velocity added at full speed, mm/s RMS (stage 3 onwards). */
  velocityMmS: number;
  /** Housing temperature rise, K (stages 3-4). */
  tempRiseK: number;
  /** Extra friction, kW: the current rises well under 1 %. */
  frictionKw: number;
}

const bearing: BearingSignature = { envelopeG: 0, velocityMmS: 0, tempRiseK: 0, frictionKw: 0 };

/**
 * Outer-race defect by stage: the envelope reaches its 2 gE alarm near severity 0.3, DE velocity
 * crosses the 2.8 mm/s alarm near 0.65, and the temperature climbs from 0.5. Returns a shared object.
 */
export function bearingSignature(severity: number): BearingSignature {
  const s = Math.min(1, Math.max(0, severity));
  const stage3 = Math.max(0, (s - 0.3) / 0.7);
  const stage4 = Math.max(0, (s - 0.5) / 0.5);
  bearing.envelopeG = 6 * s;
  bearing.velocityMmS = 7 * Math.pow(stage3, 1.5);
  bearing.tempRiseK = 20 * stage4 * stage4;
  bearing.frictionKw = 0.5 * s * s;
  return bearing;
}

/** Seal leakage in L/h: ~36 ml/day healthy, past the 5 L/h trip at severity ~0.65. */
export function sealLeakRate(speedRpm: number, severity: number): number {
  const sp = Math.max(0, speedRpm / 1484);
  return 0.0015 * Math.min(1, 0.3 + sp) + 12 * severity * severity;
}

export interface Vibration {
  motor: number;
  de: number;
  nde: number;
  casing: number;
  envelope: number;
}

/**
 * Overall vibration: independent sources add as root-sum-square. Residual unbalance grows with n²,
 * recirculation away from BEP with (1 − Q/Q_BEP)², cavitation with (1.3 − σ)⁺.
 */
export function vibration(
  sp: number,
  flowRatio: number,
  sigma: number,
  bearingSeverity: number,
  out: Vibration,
): void {
  const sp2 = sp * sp;
  const running = sp > 0.02 ? 1 : 0;
  const hyd = 0.8 * (1 - flowRatio) * (1 - flowRatio) * sp2 * running;
  const cav = 10 * Math.max(0, 1.3 - sigma) * sp * running;
  const b = bearingSignature(bearingSeverity);
  const defect = b.velocityMmS * Math.pow(sp, 1.5);
  out.motor = rss(0.9 * sp2, 0.1 * defect, 0, 0);
  out.de = rss(1.3 * sp2, 0.5 * hyd, defect, 0.3 * cav);
  out.nde = rss(1.1 * sp2, 0.5 * hyd, 0.15 * defect, 0.3 * cav);
  out.casing = rss(1.4 * sp2, hyd, cav, 0.3 * defect);
  out.envelope = 0.25 * sp2 + b.envelopeG * sp2 + 0.1 * cav;
}

function rss(a: number, b: number, c: number, d: number): number {
  return Math.sqrt(a * a + b * b + c * c + d * d);
}
