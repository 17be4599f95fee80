import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { i18n } from '../../../i18n/i18n';
import { useLocalizedAsset } from '../../../hooks/use-localized-asset';
import { compareStore } from '../../../state/compare-store';
import { previewFrames, type PreviewFrames } from '../preview-frames';
import { useWhatIf } from '../use-whatif';
import { DELTA_FULL_SCALE, DELTA_GREY, movers } from '../../../scene/paint/whatif-delta';
import { describeChange } from './change-text';
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
  return i18n.t(
    frames.pastSurrogateHorizon ? 'whatif:compare.surrogateHeldSuffix' : 'whatif:compare.surrogateSuffix',
  );
}

/** Legend of "Change vs do nothing", and the line the split view adds to any legend; re-renders on slider moves only. */
export function useWhatIfLegend(active: boolean): { delta: LegendText | null; compare: string | null } {
  const { t } = useTranslation('whatif');
  const asset = useLocalizedAsset();
  const result = useWhatIf((s) => s.result);
  const previewIndex = useWhatIf((s) => s.previewIndex);
  // Read so that a change of the answer shown (or a new surrogate answer) re-renders the legend.
  useWhatIf((s) => s.previewSource);
  useWhatIf((s) => s.surrogate);
  const split = useStore(compareStore, (s) => s.active);
  const frames = result && previewIndex !== null ? previewFrames() : null;
  const at = frames ? formatAfterFork(frames.minutes) + sourceSuffix(frames) : null;
  const compare = split && at ? t('compare.split', { at }) : null;
  if (!active) return { delta: null, compare };

  const title = at ? t('legend.titleAt', { at }) : t('legend.title');
  // Title and a note, no scale: what the legend says before there is a change to show.
  const waiting = (note: string) => ({
    delta: { title, low: '', high: '', showScale: false, biggest: null, note },
    compare,
  });
  if (!result) return waiting(t('legend.runFirst'));
  if (!frames || !asset) return waiting(t('legend.pickTime'));
  const top = movers(asset, frames.baseline, frames.scenario)[0];
  return {
    delta: {
      title,
      low: t('legend.noChange'),
      high: t('legend.fullScale', { pct: pct(DELTA_FULL_SCALE) }),
      showScale: true,
      note: t('legend.note', { pct: pct(DELTA_GREY) }),
      biggest: top
        ? t('legend.biggest', {
            part: top.componentName,
            change: describeChange(top.tag, top.baseline, top.scenario, top.score),
          })
        : t('legend.noneDiffers'),
    },
    compare,
  };
}
