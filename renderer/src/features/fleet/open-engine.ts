/** Opening one engine: its history from the backend, its RUL at every cycle and what drives it. */
import { occlusionBatch, sensorDrivers } from '../../../../core/fleet/attribution';
import { decodeRulOutputs } from '../../../../core/fleet/rul';
import { fleetWindows, trajectoryWindows } from '../../../../core/fleet/windows';
import { getTwinClient } from '../../api/client';
import { fleetStore, type EngineDetail } from './fleet-store';
import { fleetInference } from './fleet-predict';
import { i18n } from '../../i18n/i18n';
import { fleetModel, loadedFleet } from './loaded-fleet';

export function closeEngine(): void {
  fleetStore.setState({ selectedUnit: null, detail: null });
}

/** Selects an engine, flies the camera to it and fills the detail panel. */
export async function openEngine(unit: number): Promise<void> {
  const fleet = loadedFleet();
  if (!fleet) return;
  const index = fleet.summary.units.findIndex((u) => u.unit === unit);
  if (index < 0) return;
  fleetStore.setState((s) => ({ selectedUnit: unit, detail: null, flyToken: s.flyToken + 1 }));
  try {
    const h = await getTwinClient().fleetUnit({
      subset: fleet.summary.subset,
      unit: fleet.sourceUnits[index]!,
    });
    const cycle = fleetStore.getState().cycle;
    const detail: EngineDetail = {
      unit,
      cycles: Float64Array.from(h.cycles),
      settings: h.settings.map((s) => Float32Array.from(s)),
      sensors: h.sensors.map((s) => Float32Array.from(s)),
      deviations: h.deviations.map((d) => Float32Array.from(d)),
      deviationSensors: fleet.deviationSensors,
      trajectory: null,
      drivers: null,
    };
    const model = fleetModel();
    const features = fleet.features?.[index];
    if (model && features && fleet.modelId) {
      const client = fleetInference();
      const { windowLength: W, features: F, rulCap } = model;
      const [traj] = await client.predict(fleet.modelId, [
        {
          data: trajectoryWindows(features, F, W, model.maskChannel ?? undefined),
          shape: [features.rows, W, F],
        },
      ]);
      if (traj) detail.trajectory = decodeRulOutputs(traj.data, features.rows, rulCap);
      const S = model.sensors.length;
      const window = fleetWindows([features], F, W, cycle, undefined, model.maskChannel ?? undefined);
      const [occ] = await client.predict(fleet.modelId, [
        { data: occlusionBatch(window, W, F, S), shape: [S + 1, W, F] },
      ]);
      if (occ)
        detail.drivers = sensorDrivers(
          decodeRulOutputs(occ.data, S + 1, rulCap).mean,
          model.featureNames.slice(0, S),
        );
    }
    if (fleetStore.getState().selectedUnit === unit) fleetStore.setState({ detail });
  } catch (e) {
    const message = (e as Error).message;
    fleetStore.setState({
      status: { kind: 'error', message: () => i18n.t('fleet:status.engineFailed', { unit, message }) },
    });
  }
}
