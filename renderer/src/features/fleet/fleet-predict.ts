/** The fleet's RUL predictions: every engine's window at the shown cycle in one batched call per tick. */
import type { CmapssSubset } from '../../../../core/fleet/subset';
import { decodeRulOutputs } from '../../../../core/fleet/rul';
import { fleetWindows } from '../../../../core/fleet/windows';
import { getInferenceClient } from '../../inference/shared-client';
import { pushNotice } from '../../state/session-store';
import { fleetStore } from './fleet-store';
import { i18n } from '../../i18n/i18n';
import { engineRows, fleetModel, loadedFleet } from './loaded-fleet';

/** Model id in the app's one inference worker: "<asset>/<model>", beside "pump-skid/health". */
export const fleetModelId = (subset: CmapssSubset): string => `turbofan/${subset}`;

/** The app's one inference worker (one tfjs, one GPU device), shared with the health model. */
export const fleetInference = () => getInferenceClient(pushNotice);

let ticking: Promise<number> | null = null;
let tickAgain = false;

/**
 * One tick: every engine's window at the shown cycle in one batched predict call. Returns the
 * predict time in ms. A tick asked for while one runs is merged into one more run after it.
 */
export function predictFleet(): Promise<number> {
  if (ticking) {
    tickAgain = true;
    return ticking;
  }
  ticking = (async () => {
    let ms = Number.NaN;
    do {
      tickAgain = false;
      ms = await runTick();
    } while (tickAgain);
    return ms;
  })().finally(() => {
    ticking = null;
  });
  return ticking;
}

async function runTick(): Promise<number> {
  const fleet = loadedFleet();
  const model = fleetModel();
  const cycle = fleetStore.getState().cycle;
  if (!fleet || !model || !fleet.features || !fleet.modelId) {
    if (fleet) fleetStore.setState({ engines: engineRows(fleet, cycle, null) });
    return Number.NaN;
  }
  const n = fleet.features.length;
  const x = fleetWindows(
    fleet.features,
    model.features,
    model.windowLength,
    cycle,
    undefined,
    model.maskChannel ?? undefined,
  );
  const t0 = performance.now();
  const [out] = await fleetInference().predict(fleet.modelId, [
    { data: x, shape: [n, model.windowLength, model.features] },
  ]);
  const ms = performance.now() - t0;
  if (!out) throw new Error('RUL model returned no output');
  if (loadedFleet() !== fleet) return ms;
  const est = decodeRulOutputs(out.data, n, model.rulCap);
  fleetStore.setState((s) => ({
    engines: engineRows(fleet, cycle, est),
    inference: { backend: s.inference?.backend ?? '?', tickMs: ms, engines: n },
  }));
  return ms;
}

/** Shows the fleet as it was at `cycle` (null: last recorded cycle) and predicts it. */
export function setFleetCycle(cycle: number | null): void {
  fleetStore.setState({ cycle });
  void predictFleet().catch((e: Error) =>
    fleetStore.setState({
      status: {
        kind: 'error',
        message: () => i18n.t('fleet:status.predictionFailed', { message: e.message }),
      },
    }),
  );
}
