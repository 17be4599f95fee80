import type { LabelLayout, SceneModel } from './model/scene-model';

/**
 * Labels of the pump skid (procedural or its GLB twin) seen from the home view: three rows over the
 * tightly packed pump parts so that labels do not overlap. A leader line joins each label to its part.
 */
const PUMP_SKID_ANCHORS: Record<string, readonly [number, number, number]> = {
  vfd: [-2.95, 2.75, 0],
  motor: [-1.5, 2.35, 0.4],
  coupling: [-0.75, 1.65, 0.6],
  bearing_de: [-0.05, 2.35, 0.4],
  bearing_nde: [0.55, 1.65, 0.6],
  seal: [1.3, 2.35, 0.4],
  pump: [1.2, -0.05, 1.3],
  suction_pipe: [2.25, 1.75, 0.5],
  discharge_pipe: [1.55, 3.35, -0.6],
  valve: [-0.3, 3.2, -0.6],
  tank: [3.35, 3.3, 1.2],
  skid: [-0.7, -0.05, 1.3],
};

const PUMP_SKID_TAGS: Record<string, readonly string[]> = {
  vfd: ['vfd_frequency'],
  motor: ['motor_current', 'winding_temp'],
  pump: ['differential_head', 'pump_casing_vibration'],
  bearing_de: ['bearing_de_temp', 'bearing_de_vibration'],
  bearing_nde: ['bearing_nde_temp', 'bearing_nde_vibration'],
  seal: ['seal_leak_rate', 'seal_temp'],
  tank: ['tank_level', 'fluid_temp'],
  suction_pipe: ['suction_pressure', 'npsh_available'],
  discharge_pipe: ['flow', 'discharge_pressure'],
  valve: ['valve_position', 'valve_command'],
  skid: ['ambient_temp'],
};

const PUMP_SKID_LABELS: LabelLayout = { anchors: PUMP_SKID_ANCHORS, tags: PUMP_SKID_TAGS };

/** The model's own label layout, else the pump skid's (its GLB twin brings none). */
export const labelLayoutFor = (model: SceneModel): LabelLayout => model.labels ?? PUMP_SKID_LABELS;
