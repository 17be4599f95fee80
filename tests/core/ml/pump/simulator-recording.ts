/** One-minute samples of the pump-skid simulator for the model tests, with a fault injected on the way. */
import { PUMP_CONTROLS, PUMP_TAGS, SAMPLE_PERIOD_S } from '../../../../core/ml/pump/spec';
import { createPumpSkidSimulator, type PumpSkidSimulator } from '../../../../core/sim';

export interface SimulatorRecording {
  /** The simulator after the last row (for a look-ahead from there). */
  sim: PumpSkidSimulator;
  /** Raw measured tags [rows, PUMP_TAGS]. */
  tags: Float32Array;
  /** Setpoints [rows, PUMP_CONTROLS]. */
  controls: Float32Array;
}

export function recordSimulator(
  seed: number,
  rows: number,
  fault: { row: number; faultId: string; severity: number; growthPerHour: number },
): SimulatorRecording {
  const sim = createPumpSkidSimulator({ seed });
  const T = PUMP_TAGS.length;
  const C = PUMP_CONTROLS.length;
  const tags = new Float32Array(rows * T);
  const controls = new Float32Array(rows * C);
  const row = new Float32Array(T);
  for (let r = 0; r < rows; r++) {
    if (r === fault.row)
      sim.injectFault({
        faultId: fault.faultId,
        severity: fault.severity,
        growthPerHour: fault.growthPerHour,
      });
    sim.step(SAMPLE_PERIOD_S);
    sim.sample(row);
    tags.set(row, r * T);
    const ctl = sim.controls();
    PUMP_CONTROLS.forEach((id, j) => (controls[r * C + j] = ctl[id] ?? NaN));
  }
  return { sim, tags, controls };
}
