import { useStore } from 'zustand';
import { useSession } from '../../../state/use-store';
import { compareStore } from '../../../state/compare-store';
import { previewFrames, type PreviewFrames } from '../preview-frames';
import { useWhatIf } from '../use-whatif';
import { DELTA_FULL_SCALE, DELTA_GREY, describeChange, movers } from '../../../scene/paint/whatif-delta';
import { formatAfterFork } from './compare-format';

export interface LegendText {
  title: string;
  low: string;
  high: string;
  note: string;
  showScale: boolean;
  /** The part that moves most against doing nothing, with its tag and values; null when none moves. */
  biggest: string | null;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** " (surrogate)" when the frames come from the learned surrogate, noting a preview past its horizon. */
export function sourceSuffix(frames: PreviewFrames): string {
  if (frames.source !== 'surrogate') return '';
  return frames.pastSurrogateHorizon ? ' (surrogate, held at its last step)' : ' (surrogate)';
}

/** Legend of "Change vs do nothing", and the line the split view adds to any legend; re-renders on slider moves only. */
export function useWhatIfLegend(active: boolean): { delta: LegendText | null; compare: string | null } {
  const asset = useSession((s) => s.session?.asset ?? null);
  const result = useWhatIf((s) => s.result);
  const previewIndex = useWhatIf((s) => s.previewIndex);
  // Read so that a change of the answer shown (or a new surrogate answer) re-renders the legend.
  useWhatIf((s) => s.previewSource);
  useWhatIf((s) => s.surrogate);
  const split = useStore(compareStore, (s) => s.active);
  const frames = result && previewIndex !== null ? previewFrames() : null;
  const at = frames ? formatAfterFork(frames.minutes) + sourceSuffix(frames) : null;
  const compare =
    split && at ? `Split view at ${at}: left "do nothing", right the plan, each in its own state.` : null;
  if (!active) return { delta: null, compare };

  const title = at ? `Change vs do nothing at ${at}` : 'Change vs do nothing';
  // Title and a note, no scale: what the legend says before there is a change to show.
  const waiting = (note: string) => ({
    delta: { title, low: '', high: '', showScale: false, biggest: null, note },
    compare,
  });
  if (!result) return waiting('Run a what-if to see what the plan changes.');
  if (!frames || !asset)
    return waiting('Pick a time on the what-if’s 3D preview slider to see what the plan changes then.');
  const top = movers(asset, frames.baseline, frames.scenario)[0];
  return {
    delta: {
      title,
      low: 'no change',
      high: `≥ ${pct(DELTA_FULL_SCALE)} of span`,
      showScale: true,
      note: `Each part by its tag that moves most: |plan − do nothing| over the tag's span (lowest to highest limit). Grey: every tag within ${pct(DELTA_GREY)} of its span.`,
      biggest: top
        ? `Biggest change: ${top.componentName} — ${describeChange(top.tag, top.baseline, top.scenario, top.score)}`
        : 'No part differs from doing nothing at this time.',
    },
    compare,
  };
}
