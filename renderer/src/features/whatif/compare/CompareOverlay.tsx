import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { formatClock } from '../../../format';
import { isTypingTarget } from '../../../hooks/shortcuts';
import { playbackStore } from '../../../state/playback-store';
import { leaveCompare, stepPreview } from '../compare-actions';
import { showPreview } from '../whatif-actions';
import { previewFrames } from '../preview-frames';
import { useWhatIf } from '../use-whatif';
import { movers } from '../../../scene/paint/whatif-delta';
import { describeChange } from './change-text';
import { formatAfterFork } from './compare-format';
import { sourceSuffix } from './delta-legend';

/**
 * The split view's chrome: which side is which, the biggest change, and one time slider (+0 … horizon) that
 * moves both sides. ← / → step it (Shift: ten steps), Esc leaves. Leaves by itself when the what-if goes away.
 */
export function CompareOverlay({ asset }: { asset: AssetDefinition | null }) {
  const { t } = useTranslation('whatif');
  const result = useWhatIf((s) => s.result);
  const previewIndex = useWhatIf((s) => s.previewIndex);
  useWhatIf((s) => s.previewSource);
  useWhatIf((s) => s.surrogate);
  const mode = useStore(playbackStore, (s) => s.mode);
  const slider = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!result || previewIndex === null || mode !== 'preview') leaveCompare();
  }, [result, previewIndex, mode]);

  useEffect(() => {
    slider.current?.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      // Keys inside a dialog belong to it (Esc closes the dialog, not the split view).
      if (target?.closest('[role="dialog"]')) return;
      if (e.key === 'Escape') {
        leaveCompare();
        return;
      }
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      // The slider steps itself; text fields and selects keep their keys.
      const typing = isTypingTarget({
        key: e.key,
        targetTag: target?.tagName ?? '',
        targetType: target instanceof HTMLInputElement ? target.type : '',
        targetEditable: target?.isContentEditable ?? false,
      });
      if (target === slider.current || typing) return;
      // Captured before the window's shortcuts: arrows step the what-if here, not the history replay.
      e.preventDefault();
      stepPreview((e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 10 : 1));
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  const frames = previewFrames();
  if (!result || !frames) return null;
  const at = formatAfterFork(frames.minutes) + sourceSuffix(frames);
  const top = asset ? movers(asset, frames.baseline, frames.scenario)[0] : undefined;
  const last = result.t.length - 1;

  return (
    <div className="compare-overlay" data-testid="compare-overlay">
      <div className="compare-divider" aria-hidden="true" />
      <div className="compare-head compare-head-left" data-testid="compare-view-baseline">
        <span className="compare-head-title">
          {t('compare.baseline')} <span className="compare-head-at num">{at}</span>
        </span>
        <span className="compare-head-sub">{t('compare.baselineSub')}</span>
      </div>
      <div className="compare-head compare-head-right" data-testid="compare-view-scenario">
        <span className="compare-head-title">
          {t('compare.plan')} <span className="compare-head-at num">{at}</span>
        </span>
        <span className="compare-head-sub" data-testid="compare-biggest-change">
          {top
            ? t('compare.biggest', {
                part: top.componentName,
                change: describeChange(top.tag, top.baseline, top.scenario, top.score),
              })
            : t('compare.noneDiffers')}
        </span>
      </div>
      <div className="compare-timebar" role="group" aria-label={t('compare.timebar')}>
        <span className="compare-timebar-label">{t('compare.futureTime')}</span>
        <span className="compare-timebar-at num" data-testid="compare-time">
          {at} · {formatClock(result.t[frames.index])}
        </span>
        <span className="num muted">+0</span>
        <input
          ref={slider}
          type="range"
          min={0}
          max={last}
          step={1}
          value={frames.index}
          data-testid="compare-slider"
          aria-label={t('compare.sliderLabel')}
          aria-valuetext={at}
          onChange={(e) => showPreview(e.target.valueAsNumber)}
        />
        <span className="num muted">{formatAfterFork(result.horizonS / 60)}</span>
        <button
          type="button"
          onClick={leaveCompare}
          data-testid="compare-exit"
          title={t('compare.exitTitle')}
        >
          {t('compare.exit')} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
