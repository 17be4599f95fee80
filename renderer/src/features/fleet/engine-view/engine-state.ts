import { useMemo } from 'react';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import {
  engineComponentPositions,
  tagDeviationsAt,
  tagValuesAt,
} from '../../../../../core/fleet/engine-colors';
import { componentDeviations } from '../../../../../core/fleet/health';
import { rowAtCycle } from '../../../../../core/fleet/windows';
import { useFleet, type EngineDetail } from '../fleet-store';
import { CMAPSS_SENSOR_TAG_IDS } from '../../../../../core/data/cmapss';

/** The opened engine as the fleet shows it now: its row at the chosen cycle and what it reads there. */
export interface EngineAtCycle {
  row: number;
  cycle: number;
  values: Map<string, number>;
  tagDeviation: Map<string, number>;
  componentDeviation: Map<string, number>;
}

export function engineAtCycle(
  detail: EngineDetail,
  asset: AssetDefinition,
  cycle: number | null,
): EngineAtCycle {
  const row = rowAtCycle(detail.cycles.length, cycle);
  return {
    row,
    cycle: detail.cycles[row] ?? 0,
    values: tagValuesAt(detail, row),
    tagDeviation: tagDeviationsAt(detail, row),
    componentDeviation: componentDeviations(asset, detail.deviationSensors, detail.deviations, row),
  };
}

/** The opened engine at the fleet's cycle, or null while it loads. */
export function useEngineAtCycle(): EngineAtCycle | null {
  const detail = useFleet((s) => s.detail);
  const cycle = useFleet((s) => s.cycle);
  const asset = useFleet((s) => (s.subset ? s.fleets[s.subset]?.asset : undefined));
  return useMemo(
    () => (detail && asset ? engineAtCycle(detail, asset, cycle) : null),
    [detail, asset, cycle],
  );
}

/** Colormap position of each component of the opened engine for the chosen coloring (NaN: grey). */
export function useEnginePositions(at: EngineAtCycle | null): Map<string, number> {
  const colorBy = useFleet((s) => s.engineColorBy);
  const asset = useFleet((s) => (s.subset ? s.fleets[s.subset]?.asset : undefined));
  const rulCap = useFleet((s) => (s.subset ? (s.fleets[s.subset]?.model?.rulCap ?? 125) : 125));
  const rul = useFleet((s) => s.engines.find((e) => e.unit === s.selectedUnit)?.rul ?? null);
  return useMemo(() => {
    if (!at || !asset) return new Map<string, number>();
    return engineComponentPositions(asset, {
      mode: colorBy.mode,
      componentDeviation: at.componentDeviation,
      sensorTag: CMAPSS_SENSOR_TAG_IDS[colorBy.sensor - 1] ?? '',
      values: at.values,
      rul,
      rulCap,
    });
  }, [at, asset, colorBy, rul, rulCap]);
}
