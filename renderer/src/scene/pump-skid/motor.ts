import type { PartSink } from '../model/part-sink';
import { buildTefcMotor } from '../model/tefc-motor';
import { AXIS_Y, MOTOR, SKID } from './layout';

/** 75 kW TEFC motor (IEC frame 280) on the skid's motor pads. */
export function buildMotor(sink: PartSink): void {
  buildTefcMotor(sink, {
    axisY: AXIS_Y,
    baseY: SKID.railTop + 0.02,
    fan0: MOTOR.fan0,
    body0: MOTOR.body0,
    body1: MOTOR.body1,
    radius: MOTOR.radius,
    terminalX: MOTOR.terminalX,
    feetX: [-1.27, -0.7],
    feetZ: 0.2,
    liftingEyeX: -1.17,
    nameplateX: -1.05,
    paint: 'paint-motor',
    nodes: { body: 'motor-body', fanCover: 'motor-fan-cover', terminalBox: 'motor-terminal-box' },
  });
}
