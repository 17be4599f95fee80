import type { LabelLayout } from '../model/scene-model';
import { TOP } from './layout';

/**
 * Labels of the SKAB testbed, placed for its home view (world metres, heights above the bench top): the
 * drive train's and the inlet valve's along the bench's front edge, the motor's in the free space to
 * its left, the loop's on the empty board above and below the top run, the racks' above them, the
 * tank's over it.
 */
export const SKAB_TESTBED_LABELS: LabelLayout = {
  anchors: {
    control_panel: [-1.32, TOP + 1.42, -0.25],
    motor: [-1.49, TOP + 0.34, 0.1],
    coupling: [-0.72, TOP - 0.18, 0.3],
    pump: [-0.16, TOP - 0.16, 0.3],
    inlet_valve: [0.39, TOP - 0.1, 0.3],
    pressure_sensor: [0.13, TOP + 0.33, -0.05],
    flow_meter: [-0.14, TOP + 1.05, -0.05],
    outlet_valve: [0.47, TOP + 1.05, -0.05],
    pipe_loop: [0.48, TOP + 0.58, -0.1],
    tank: [1.22, TOP + 0.56, 0],
    monitoring: [1.02, TOP + 1.28, -0.25],
  },
  tags: {
    motor: ['motor_current', 'motor_voltage', 'motor_temp'],
    pump: ['accel1_rms', 'accel2_rms'],
  },
};
