import { useTranslation } from 'react-i18next';
import { useSession } from '../../../state/use-store';
import { useLocalizedAsset } from '../../../hooks/use-localized-asset';
import { useCanCall } from '../../../state/session-role';
import {
  requestApply,
  endPreview,
  forkFromLive,
  runWhatIf,
  showPreview,
  undoApply,
  currentPlan,
} from '../whatif-actions';
import { useWhatIf } from '../use-whatif';
import { whatIfStore } from '../whatif-store';
import { forkDetail, forkHeadline } from '../fork-from-playhead';
import { ForkFromHere } from './ForkFromHere';
import { CompareToggle } from './CompareToggle';
import { PreviewSourceSelect } from './PreviewSourceSelect';
import { KpiTable } from './KpiTable';
import { PlanEditor } from './PlanEditor';
import { SuggestSetpoints } from './SuggestSetpoints';
import { ApplyConfirmDialog } from './ApplyConfirmDialog';
import { SurrogateTable } from './SurrogateTable';
import { TuningSliders } from './TuningSliders';
import { WhatIfChart } from './WhatIfChart';
import '../../../ui/kpi-table.css';
import '../whatif.css';

const HORIZONS_S = [900, 3600, 14_400, 86_400] as const;

/** What-if: fork from now, change setpoints and inject faults, compare against doing nothing on the physics. */
export function WhatIfPanel() {
  const { t } = useTranslation('whatif');
  const asset = useLocalizedAsset();
  const hasSim = useSession((s) => (s.session?.asset.simulator ?? null) !== null);
  const fork = useWhatIf((s) => s.fork);
  const horizonS = useWhatIf((s) => s.horizonS);
  const result = useWhatIf((s) => s.result);
  const running = useWhatIf((s) => s.running);
  const error = useWhatIf((s) => s.error);
  const chartTags = useWhatIf((s) => s.chartTags);
  const previewIndex = useWhatIf((s) => s.previewIndex);
  const undo = useWhatIf((s) => s.undo);
  const surrogate = useWhatIf((s) => s.surrogate);
  const apply = useCanCall('whatifApply', t('applyAccess'));
  if (!asset) return <div className="empty-hint">{t('waiting')}</div>;
  if (!hasSim) return <div className="empty-hint">{t('noSimulator')}</div>;

  const applyPlan = () => {
    const plan = currentPlan();
    const finals: Record<string, number> = {};
    for (const c of plan.controls ?? []) finals[c.controlId] = c.to;
    requestApply(finals);
  };
  const previewMin =
    result && previewIndex !== null ? ((result.t[previewIndex] ?? 0) - result.forkTime) / 60_000 : null;

  return (
    <div className="simulation-panel whatif-panel">
      <section className="sim-section" aria-label={t('fork.section')}>
        <div className="sim-controls">
          <button type="button" data-testid="whatif-fork" onClick={() => void forkFromLive()}>
            {t('fork.fromLive')}
          </button>
          <ForkFromHere />
          <span
            className="muted num"
            data-testid="whatif-fork-time"
            data-origin={fork?.origin ?? 'none'}
            title={forkDetail(fork) ?? undefined}
          >
            {forkHeadline(fork)}
          </span>
          <span className="section-spacer" />
          <label className="inline-field">
            <span>{t('fork.horizon')}</span>
            <select
              value={horizonS}
              data-testid="whatif-horizon"
              onChange={(e) => whatIfStore.setState({ horizonS: Number(e.target.value) })}
            >
              {HORIZONS_S.map((s) => (
                <option key={s} value={s}>
                  {t(`horizon.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="form-note">{t('fork.pastHint')}</p>
      </section>
      <section className="sim-section" aria-label={t('plan.section')}>
        <PlanEditor asset={asset} />
        <div className="sim-controls">
          <button
            type="button"
            className="primary"
            data-testid="whatif-run"
            disabled={running}
            onClick={() => void runWhatIf()}
          >
            {running ? t('plan.running') : t('plan.run')}
          </button>
          <button
            type="button"
            data-testid="whatif-apply"
            disabled={!apply.allowed}
            onClick={applyPlan}
            title={apply.refusal ?? t('plan.applyTitle')}
          >
            {t('plan.apply')}
          </button>
          <button
            type="button"
            data-testid="whatif-undo"
            disabled={!apply.allowed || !undo}
            title={apply.refusal}
            onClick={() => void undoApply()}
          >
            {t('plan.undo')}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="whatif-error">
            {error}
          </p>
        )}
      </section>
      <TuningSliders asset={asset} />
      {result && (
        <section className="sim-section" aria-label={t('outcome.section')}>
          <h3>
            {t('outcome.section')}{' '}
            <span className="muted num">{t('outcome.physicsMs', { ms: Math.round(result.computeMs) })}</span>
          </h3>
          <KpiTable result={result} />
          <SurrogateTable asset={asset} />
          <div className="sim-controls">
            <label className="inline-field preview-slider">
              <span>{t('outcome.preview')}</span>
              <input
                type="range"
                min={0}
                max={result.t.length - 1}
                value={previewIndex ?? 0}
                data-testid="whatif-preview"
                aria-label={t('outcome.previewLabel')}
                onChange={(e) => showPreview(e.target.valueAsNumber)}
              />
              <span className="num">
                {previewMin === null
                  ? t('outcome.live')
                  : t('time.afterForkMin', { value: previewMin.toFixed(0) })}
              </span>
            </label>
            {previewIndex !== null && (
              <button type="button" onClick={endPreview}>
                {t('outcome.backToLive')}
              </button>
            )}
            <PreviewSourceSelect />
            <CompareToggle />
          </div>
          <label className="inline-field">
            <span>{t('outcome.charts')}</span>
            <select
              multiple
              size={4}
              value={chartTags}
              aria-label={t('outcome.chartsLabel')}
              onChange={(e) =>
                whatIfStore.setState({
                  chartTags: Array.from(e.target.selectedOptions, (o) => o.value).slice(0, 6),
                })
              }
            >
              {asset.tags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.instrument} {tag.name}
                </option>
              ))}
            </select>
          </label>
          {chartTags.map((id) => {
            const index = asset.tags.findIndex((tag) => tag.id === id);
            const tag = asset.tags[index];
            return tag ? (
              <WhatIfChart
                key={id}
                tag={tag}
                index={index}
                result={result}
                surrogate={surrogate?.forkId === result.forkId ? surrogate : null}
                cursorIndex={previewIndex}
              />
            ) : null;
          })}
        </section>
      )}
      <SuggestSetpoints asset={asset} />
      <ApplyConfirmDialog asset={asset} />
    </div>
  );
}
