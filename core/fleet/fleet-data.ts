/**
 * A fleet built from a parsed C-MAPSS file: per-engine health deviations and, when a model card
 * exists for the subset, the model's input features — everything the fleet API hands out.
 */
import type { FleetModelInfo, FleetSummary, FleetTracks, FleetUnitHistory } from './types';
import type { AssetDefinition } from '../asset/schema';
import type { CmapssParseResult, CmapssUnit, RegimeNormalization } from '../data/cmapss';
import type { TurbofanModelCard } from '../ml/io/model-card';
import { featureSpecFromCard } from '../ml/rul/card-spec';
import { featureCount, featureNames, maskChannelOf, unitFeatures } from '../ml/rul/features';
import { encodeFloat32 } from './float-codec';
import { anomalyTrack, fitHealthBaseline, smoothedDeviations } from './health';
import { turbofanModelPath, type CmapssSubset } from './subset';
import { said, type Said } from '../text/phrase';

export interface FleetData {
  summary: FleetSummary;
  tracks: FleetTracks;
  units: CmapssUnit[];
  baseline: RegimeNormalization;
}

/** What the backend knows of a subset's model: its card, or why there is none. */
export type ModelLookup = { card: TurbofanModelCard } | { problem: Said };

export function buildFleet(
  parsed: CmapssParseResult,
  subset: CmapssSubset,
  model: ModelLookup,
  asset: AssetDefinition,
): FleetData {
  if (parsed.units.length === 0) throw new Error(`${parsed.fileName} holds no engine data`);
  const baseline = fitHealthBaseline(parsed.units);
  const anomalies = parsed.units.map((u) => anomalyTrack(smoothedDeviations(u, baseline)));

  let info: FleetModelInfo | null = null;
  let modelProblem: Said | null = null;
  let features: (string | null)[] = parsed.units.map(() => null);
  if ('card' in model) {
    const spec = featureSpecFromCard(model.card);
    try {
      features = parsed.units.map((u) => encodeFloat32(unitFeatures(u, spec).data));
      info = {
        modelJson: `${turbofanModelPath(subset)}/model.json`,
        windowLength: spec.windowLength,
        features: featureCount(spec),
        featureNames: featureNames(spec),
        sensors: [...spec.sensors],
        rulCap: spec.rulCap,
        maskChannel: maskChannelOf(spec) ?? null,
        test: model.card.test ? { ...model.card.test.capped } : null,
      };
    } catch (e) {
      features = parsed.units.map(() => null);
      const detail = (e as Error).message;
      modelProblem = said(
        'fleetModelCannotRead',
        { subset, detail },
        `the ${subset} model cannot read this file: ${detail}`,
      );
    }
  } else modelProblem = model.problem;

  const summary: FleetSummary = {
    subset,
    fileName: parsed.fileName,
    rows: parsed.rows,
    units: parsed.units.map((u, i) => ({
      unit: u.unit,
      cycles: u.cycles.length,
      lastCycle: u.cycles[u.cycles.length - 1] ?? 0,
      anomaly: anomalies[i]![anomalies[i]!.length - 1] ?? 0,
    })),
    model: info,
    modelProblem: modelProblem?.message ?? null,
    modelProblemPhrase: modelProblem?.phrase ?? null,
    asset,
    stored: null,
    storeProblem: null,
    storeProblemPhrase: null,
  };
  const tracks: FleetTracks = {
    subset,
    deviationSensors: [...baseline.sensors],
    units: parsed.units.map((u, i) => ({
      unit: u.unit,
      rows: u.cycles.length,
      features: features[i] ?? null,
      anomaly: encodeFloat32(anomalies[i]!),
    })),
  };
  return { summary, tracks, units: parsed.units, baseline };
}

/** One engine's raw history and health deviations, for the detail panel. */
export function unitHistory(fleet: FleetData, unit: number): FleetUnitHistory {
  const u = fleet.units.find((x) => x.unit === unit);
  if (!u) throw new Error(`${fleet.summary.fileName} has no engine ${unit}`);
  return {
    subset: fleet.summary.subset,
    unit,
    cycles: Array.from(u.cycles),
    settings: u.settings.map((c) => Array.from(c)),
    sensors: u.sensors.map((c) => Array.from(c)),
    deviations: smoothedDeviations(u, fleet.baseline).map((c) => Array.from(c)),
  };
}
