/** Data-set episodes as evaluation episodes, grouped by split, with their replayable plans. */
import type { LoadedDataset } from './dataset-io';
import type { PumpEpisode } from '../../core/ml/pump/evaluate-health';
import { planEpisode, type EpisodePlan } from '../../core/ml/pump/episodes';
import type { Split } from '../../core/ml/pump/dataset';

export interface SplitEpisodes {
  episodes: PumpEpisode[];
  plans: EpisodePlan[];
}

export function splitEpisodes(ds: LoadedDataset, split: Split): SplitEpisodes {
  const chosen = ds.episodes.filter((e) => e.entry.split === split);
  return {
    episodes: chosen.map((e) => ({
      id: e.entry.id,
      kind: e.entry.kind,
      faultId: e.entry.faultId,
      onsetRow: e.entry.onsetRow,
      rows: e.entry.rows,
      frame: e.frame,
      tags: e.tags,
      controls: e.controls,
      faultClass: e.faultClass,
      rulHours: e.rulHours,
    })),
    plans: chosen.map((e) => planEpisode(e.entry.id, e.entry.seed, e.entry.kind, e.entry.faultIndex)),
  };
}
